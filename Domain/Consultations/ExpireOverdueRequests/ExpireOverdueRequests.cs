using Intake.Domain.Data;
using Intake.Domain.Practices;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Intake.Domain.Consultations.ExpireOverdueRequests;

/// <summary>
/// Pending requests the therapist did not confirm before the minimum notice ran out expire: their slot is
/// freed and the prospect told, each in its own transaction. Returns how many expired.
/// </summary>
public sealed record ExpireOverdueRequests(int Limit = 500) : IRequest<int>;

internal sealed class ExpireOverdueRequestsHandler(IntakeDbContext db, IClock clock, IOptions<PracticeOptions> practice)
    : IRequestHandler<ExpireOverdueRequests, int>
{
    public async Task<int> Handle(ExpireOverdueRequests command, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var notice = Duration.FromMinutes(practice.Value.MinimumNoticeMinutes);
        var cutoff = now + notice;
        var overdue = await db.ConsultationRequests
            .Include(r => r.Holds)
            .Where(r => r.Status == ConsultationStatus.Pending && r.SlotStart <= cutoff)
            .OrderBy(r => r.SlotStart)
            .Take(command.Limit)
            .ToListAsync(cancellationToken);

        var expired = 0;
        foreach (var request in overdue)
        {
            if (request.Expire(notice, now) is not TransitionResult.Ok)
                continue;
            await db.SaveChangesAsync(cancellationToken);
            expired++;
        }

        return expired;
    }
}
