namespace Intake.Worker.Dispatch;

/// <summary>What a provider made of one send. Reasons are provider codes, never bodies or addresses.</summary>
public abstract record SendOutcome
{
    public sealed record Accepted(string ProviderMessageId) : SendOutcome;

    /// <summary>
    /// Worth trying again later, and certain not to have gone out: rate limits, provider outages, a refused
    /// connection, a 4xx reply from the mail server, a sender that threw before or while building the request.
    /// </summary>
    public sealed record Transient(string Reason, int? ProviderErrorCode = null) : SendOutcome;

    /// <summary>
    /// The request may have reached the provider but no answer came (a timeout, a connection dropped after the
    /// request was written): it may have been sent. The message waits for the provider's own report before one retry.
    /// </summary>
    public sealed record Unknown(string Reason) : SendOutcome;

    /// <summary>
    /// Will fail the same way every time: an invalid number, a refused address. <paramref name="Recipient"/> says
    /// whether the fault lies with the number itself, in which case the person may still be reached by email.
    /// </summary>
    public sealed record Permanent(string Reason, int? ProviderErrorCode = null, RecipientRefusal Recipient = RecipientRefusal.None)
        : SendOutcome;
}
