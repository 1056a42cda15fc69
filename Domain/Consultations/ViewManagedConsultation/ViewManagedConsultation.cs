using Intake.Domain.Availability;
using Intake.Domain.Data;
using Intake.Domain.Practices;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Intake.Domain.Consultations.ViewManagedConsultation;

/// <summary>
/// What the holder of a manage link sees of the request it names. The link may have been forwarded, so the view
/// carries no contact details and none of the prospect's words: where the request stands, its time and the times
/// on offer, and the zone the prospect reads times in.
/// </summary>
public sealed record ViewManagedConsultation(ConsultationRequestId Id) : IRequest<ManagedConsultationView?>;

/// <param name="Id">The request.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="PracticeName">The practice the call is with.</param>
/// <param name="Slot">The call's time, when it has one.</param>
/// <param name="ProposedSlots">The therapist's offered times that can still be accepted (a Requested request, times not yet started), earliest first.</param>
/// <param name="TimeZone">The prospect's zone.</param>
/// <param name="TherapistId">The therapist the request is with, when one has it: a reschedule picks from their open times.</param>
public sealed record ManagedConsultationView(
    ConsultationRequestId Id,
    ConsultationStatus Status,
    string PracticeName,
    Slot? Slot,
    IReadOnlyList<Slot> ProposedSlots,
    DateTimeZone TimeZone,
    string? TherapistId);

internal sealed class ViewManagedConsultationHandler(IntakeDbContext db, IClock clock, IOptions<PracticeOptions> practice)
    : IRequestHandler<ViewManagedConsultation, ManagedConsultationView?>
{
    public async Task<ManagedConsultationView?> Handle(ViewManagedConsultation query, CancellationToken cancellationToken)
    {
        var request = await db.ConsultationRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == query.Id, cancellationToken);
        if (request is null)
            return null;

        var now = clock.GetCurrentInstant();
        IReadOnlyList<Slot> onOffer = request.Status == ConsultationStatus.Requested
            ? request.ProposedSlots.Where(slot => slot.Start > now).ToList()
            : [];
        return new ManagedConsultationView(request.Id, request.Status, practice.Value.Name, request.Slot, onOffer, request.Prospect.TimeZone, request.TherapistId);
    }
}
