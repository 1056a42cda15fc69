using Intake.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Intake.Domain.Therapists.TherapistAvailability;

/// <summary>The therapist's weekly hours and date overrides as they stand.</summary>
public sealed record GetTherapistAvailability(string TherapistId) : IRequest<TherapistAvailability>;

internal sealed class GetTherapistAvailabilityHandler(IntakeDbContext db) : IRequestHandler<GetTherapistAvailability, TherapistAvailability>
{
    public async Task<TherapistAvailability> Handle(GetTherapistAvailability query, CancellationToken cancellationToken) =>
        TherapistAvailability.Of(await db.Therapists.AsNoTracking().SingleAsync(t => t.Id == query.TherapistId, cancellationToken));
}
