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
}
