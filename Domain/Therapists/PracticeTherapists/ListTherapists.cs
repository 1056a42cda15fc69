using Intake.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Intake.Domain.Therapists.PracticeTherapists;

/// <summary>The practice's therapists as the database has them (the truth after the first start): id and name, by name.</summary>
public sealed record ListTherapists : IRequest<IReadOnlyList<TherapistName>>;

public sealed record TherapistName(string Id, string Name);

internal sealed class ListTherapistsHandler(IntakeDbContext db) : IRequestHandler<ListTherapists, IReadOnlyList<TherapistName>>
{
    public async Task<IReadOnlyList<TherapistName>> Handle(ListTherapists query, CancellationToken cancellationToken) =>
        await db.Therapists.AsNoTracking()
            .OrderBy(t => t.Name).ThenBy(t => t.Id)
            .Select(t => new TherapistName(t.Id, t.Name))
            .ToListAsync(cancellationToken);
}
