using System.Net.Mail;
using Intake.Domain.Consultations;
using Intake.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Intake.Domain.Messages.Calendar;

/// <summary>
/// Whose address an invitation names as its organizer: the address the practice's email goes out from ("Smtp:From"),
/// so that calendars see the invitation come from its organizer; without one, the therapist's own address.
/// </summary>
internal static class InviteOrganizer
{
    public const string FromSetting = "Smtp:From";

    public static async Task<string?> EmailAsync(
        IConfiguration configuration, IntakeDbContext db, ConsultationRequest request, CancellationToken cancellationToken)
    {
        if (MailAddress.TryCreate(configuration[FromSetting], out var from))
            return from.Address;
        if (request.TherapistId is not { } therapistId)
            return null;
        return await db.Therapists.AsNoTracking()
            .Where(t => t.Id == therapistId)
            .Select(t => t.Email)
            .SingleOrDefaultAsync(cancellationToken);
    }
}
