namespace Intake.Worker.Dispatch;

/// <summary>What a provider made of one send. Reasons are provider codes, never bodies or addresses.</summary>
public abstract record SendOutcome
{
    public sealed record Accepted(string ProviderMessageId) : SendOutcome;

    /// <summary>Worth trying again later: rate limits, provider outages, timeouts.</summary>
    public sealed record Transient(string Reason, int? ProviderErrorCode = null) : SendOutcome;

    /// <summary>
    /// Will fail the same way every time: an invalid number, a refused address. <paramref name="Recipient"/> says
    /// whether the fault lies with the number itself, in which case the person may still be reached by email.
    /// </summary>
    public sealed record Permanent(string Reason, int? ProviderErrorCode = null, RecipientRefusal Recipient = RecipientRefusal.None)
        : SendOutcome;
}

/// <summary>Why a provider will not deliver to a recipient, when the refusal is about the recipient.</summary>
public enum RecipientRefusal
{
    /// <summary>Not about the recipient (a bad request, the account's configuration), or not known.</summary>
    None,

    /// <summary>The number cannot take texts: invalid, a landline, unreachable, a region not enabled.</summary>
    CannotText,

    /// <summary>The number has opted out of texts (texted STOP) at the provider.</summary>
    OptedOut,
}
