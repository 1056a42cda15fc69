using Intake.Domain.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Intake.Domain.Messages;

/// <summary>
/// A number that texted STOP (or another opt-out word): no more texts go to it until it texts START. Email, where
/// there is an address, is used instead.
/// </summary>
public sealed class SmsOptOut
{
    private SmsOptOut(string phone, Instant optedOutAt)
    {
        Phone = phone;
        OptedOutAt = optedOutAt;
    }

    /// <summary>E.164.</summary>
    public string Phone { get; private set; }

    public Instant OptedOutAt { get; private set; }

    public static SmsOptOut For(string phone, Instant now) => new(phone, now);

    /// <summary>
    /// Adds the number's opt-out to the context unless it is already stored; the caller saves it with whatever else
    /// its change writes. True when one was added.
    /// </summary>
    public static async Task<bool> AddUnlessStoredAsync(IntakeDbContext db, string phone, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.SmsOptOuts.AnyAsync(o => o.Phone == phone, cancellationToken))
            return false;
        db.SmsOptOuts.Add(For(phone, now));
        return true;
    }
}
