using FluentValidation;
using Intake.Domain.Consultations;
using Intake.Domain.Consultations.Changes;
using Intake.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Intake.Domain.Therapists.TherapistConsultations;

/// <summary>
/// The therapist's inbox, newest first: their own requests, and the callback requests no therapist has taken yet
/// (any therapist of the practice may give those a time). <paramref name="Status"/>, when given, is a status name
/// in any case.
/// </summary>
public sealed record ListTherapistConsultations(string TherapistId, string? Status) : IRequest<TherapistInbox>;

internal sealed class ListTherapistConsultationsHandler(IntakeDbContext db) : IRequestHandler<ListTherapistConsultations, TherapistInbox>
{
    public async Task<TherapistInbox> Handle(ListTherapistConsultations query, CancellationToken cancellationToken)
    {
        var therapist = await db.Therapists.AsNoTracking().SingleAsync(t => t.Id == query.TherapistId, cancellationToken);
        var status = TherapistStatuses.Parse(query.Status);
        var visible = db.ConsultationRequests.AsNoTracking()
            .Where(TherapistVisibility.Visible(query.TherapistId));
        if (status is { } only)
            visible = visible.Where(r => r.Status == only);
        var requests = await visible
            .OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id)
            .ToListAsync(cancellationToken);
        return new TherapistInbox(therapist.TimeZone, requests.Select(TherapistConsultation.From).ToList());
    }
}

internal sealed class ListTherapistConsultationsValidator : AbstractValidator<ListTherapistConsultations>
{
    public ListTherapistConsultationsValidator() =>
        RuleFor(q => q.Status)
            .Must(status => status is null || TherapistStatuses.Parse(status) is not null)
            .WithMessage($"Status must be one of {string.Join(", ", Enum.GetNames<ConsultationStatus>())}.");
}

internal static class TherapistStatuses
{
    /// <summary>The status named, in any case; null for no name or a name that is not a status (numbers included).</summary>
    public static ConsultationStatus? Parse(string? name) =>
        Enum.GetNames<ConsultationStatus>().FirstOrDefault(known => string.Equals(known, name, StringComparison.OrdinalIgnoreCase)) is { } found
            ? Enum.Parse<ConsultationStatus>(found)
            : null;
}
