using Intake.Domain.Consultations;
using Intake.Domain.Consultations.Changes;
using Intake.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Intake.Domain.Therapists.TherapistConsultations;

/// <summary>
/// One request the therapist may act on: their own, or an open callback no therapist has taken. Null for any other, so that
/// another therapist's request and a missing one look the same. <paramref name="AsAdmin"/>: the reader is the practice's
/// administrator and reads any request some therapist's inbox holds (<see cref="TherapistVisibility.VisibleToAdmin"/>),
/// still in their own zone.
/// </summary>
public sealed record GetTherapistConsultation(string TherapistId, ConsultationRequestId Id, bool AsAdmin = false) : IRequest<TherapistInboxItem?>;

internal sealed class GetTherapistConsultationHandler(IntakeDbContext db) : IRequestHandler<GetTherapistConsultation, TherapistInboxItem?>
{
    public async Task<TherapistInboxItem?> Handle(GetTherapistConsultation query, CancellationToken cancellationToken)
    {
        var request = await db.ConsultationRequests.AsNoTracking()
            .Where(TherapistVisibility.Readable(query.TherapistId, query.AsAdmin))
            .SingleOrDefaultAsync(r => r.Id == query.Id, cancellationToken);
        if (request is null)
            return null;
        var therapist = await db.Therapists.AsNoTracking().SingleAsync(t => t.Id == query.TherapistId, cancellationToken);
        return new TherapistInboxItem(therapist.TimeZone, TherapistConsultation.From(request));
    }
}
