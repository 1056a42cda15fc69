using Intake.Domain.Consultations;
using Intake.Domain.Consultations.Changes;
using Intake.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Intake.Domain.Therapists.TherapistConsultations;

/// <summary>
/// Each change to one request the therapist may see, oldest first: what happened, who did it and when. Null when the
/// request is missing or another therapist's (unless <paramref name="AsAdmin"/>: the practice's administrator reads what
/// <see cref="TherapistVisibility.VisibleToAdmin"/> allows).
/// </summary>
public sealed record GetConsultationHistory(string TherapistId, ConsultationRequestId Id, bool AsAdmin = false) : IRequest<IReadOnlyList<ConsultationChange>?>;

internal sealed class GetConsultationHistoryHandler(IntakeDbContext db) : IRequestHandler<GetConsultationHistory, IReadOnlyList<ConsultationChange>?>
{
    public async Task<IReadOnlyList<ConsultationChange>?> Handle(GetConsultationHistory query, CancellationToken cancellationToken)
    {
        var visible = await db.ConsultationRequests.AsNoTracking()
            .Where(r => r.Id == query.Id)
            .Where(TherapistVisibility.Readable(query.TherapistId, query.AsAdmin))
            .AnyAsync(cancellationToken);
        if (!visible)
            return null;
        return await db.ConsultationChanges.AsNoTracking()
            .Where(c => c.ConsultationRequestId == query.Id)
            .OrderBy(c => c.Version)
            .ToListAsync(cancellationToken);
    }
}
