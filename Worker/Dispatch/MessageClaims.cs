using Intake.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Intake.Worker.Dispatch;

/// <summary>A message this job holds: the row as it was claimed, and the token that proves the claim is still ours.</summary>
internal sealed record Claim(OutboundMessage Message, Guid Token)
{
    public MessageId Id => Message.Id;
}

/// <summary>
/// Step 1, claim: one atomic UPDATE takes a message that is due and unclaimed, or Sending with a lapsed lease
/// (its job died, or it waited out an unknown outcome), and marks it Sending under a fresh token and lease. Only
/// one job's UPDATE can match; every later write names the token, so a job that lost its claim writes nothing.
/// </summary>
internal sealed class MessageClaims(IntakeDbContext db, IClock clock, IOptions<DispatchOptions> options)
{
    public async Task<Claim?> TakeAsync(MessageId id, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var token = Guid.NewGuid();
        var leaseEnds = now + Duration.FromSeconds(options.Value.ClaimLeaseSeconds);
        var claimed = await db.Messages
            .Where(m => m.Id == id)
            .Where(Claimable.At(now))
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, MessageStatus.Sending)
                .SetProperty(m => m.ClaimToken, token)
                .SetProperty(m => m.ClaimExpiresAt, leaseEnds)
                .SetProperty(m => m.QueueToken, (Guid?)null)
                .SetProperty(m => m.QueuedUntil, (Instant?)null)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        if (claimed == 0)
            return null;
        var message = await db.Messages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        return new Claim(message, token);
    }

    /// <summary>The row while this claim holds it: still Sending under our token (a status report may have closed it meanwhile).</summary>
    public IQueryable<OutboundMessage> Held(Claim claim) => Held(db, claim.Id, claim.Token);

    public static IQueryable<OutboundMessage> Held(IntakeDbContext db, MessageId id, Guid token) =>
        db.Messages.Where(m => m.Id == id && m.ClaimToken == token && m.Status == MessageStatus.Sending);

    public async Task<bool> StillHeldAsync(Claim claim) => await Held(claim).AnyAsync(CancellationToken.None);

    /// <summary>Nothing was sent (shutting down while waiting for a turn): the message is Pending again at once, the attempt not counted.</summary>
    public Task GiveBackAsync(Claim claim) =>
        Held(claim).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Status, MessageStatus.Pending)
            .SetProperty(m => m.Attempts, m => m.Attempts - 1)
            .SetProperty(m => m.ClaimToken, (Guid?)null)
            .SetProperty(m => m.ClaimExpiresAt, (Instant?)null), CancellationToken.None);
}
