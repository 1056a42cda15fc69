using System.Linq.Expressions;
using NodaTime;

namespace Intake.Worker.Dispatch;

internal static class Claimable
{
    /// <summary>Due and unclaimed, or claimed by a job whose lease ran out (it died mid-send).</summary>
    public static Expression<Func<OutboundMessage, bool>> At(Instant now) =>
        m => (m.Status == MessageStatus.Pending && m.DueAt <= now)
            || (m.Status == MessageStatus.Sending && m.ClaimExpiresAt < now);
}
