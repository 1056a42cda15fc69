using Intake.Domain.Data;
using Intake.Domain.Practices;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Intake.Domain.Consultations.ExpireOverdueRequests;

/// <summary>
/// Requests that lapse now expire, each in its own transaction, and the prospect is told: Pending requests the
/// therapist did not confirm before the minimum notice ran out (their slot is freed), and proposals the prospect
/// left unanswered past their deadline. Returns how many expired.
/// </summary>
/// <remarks>
/// A therapist may confirm, or a prospect cancel or accept, at the very moment the job expires the same request:
/// the request's version decides (docs/decisions/011). When the other change was saved first, the expiry is not
/// written and the request is left as that change made it; the next run looks at it afresh.
/// </remarks>
public sealed record ExpireOverdueRequests(int Limit = 500) : IRequest<int>;

internal sealed class ExpireOverdueRequestsHandler(IntakeDbContext db, IClock clock, IOptions<PracticeOptions> practice)
    : IRequestHandler<ExpireOverdueRequests, int>
{
    public async Task<int> Handle(ExpireOverdueRequests command, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var notice = practice.Value.MinimumNotice();
        // ConsultationRequest.HeldTimeLapsesAt(SlotStart, notice) <= now, in the form SQL can compare.
        var cutoff = now + notice;
        var overdue = await db.ConsultationRequests.AsNoTracking()
            .Where(r => (r.Status == ConsultationStatus.Pending && r.SlotStart <= cutoff)
                || (r.Status == ConsultationStatus.Requested && r.ProposalExpiresAt <= now))
            .OrderBy(r => r.SubmittedAt)
            .Take(command.Limit)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);

        var expired = 0;
        foreach (var id in overdue)
        {
            if (await ExpireAsync(id, notice, now, cancellationToken))
                expired++;
        }

        return expired;
    }

    private async Task<bool> ExpireAsync(ConsultationRequestId id, Duration notice, Instant now, CancellationToken cancellationToken)
    {
        var request = await db.ConsultationRequests.Include(r => r.Holds).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null || request.Expire(notice, now) is not TransitionResult.Ok)
            return false;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Changed meanwhile (confirmed, cancelled, accepted): that change stands and nothing of the expiry was
            // written. Forget what this context tracked, the expiry's messages among it, before the next request.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
