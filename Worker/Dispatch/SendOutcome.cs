namespace Intake.Worker.Dispatch;

/// <summary>What a provider made of one send. Reasons are provider codes, never bodies or addresses.</summary>
public abstract record SendOutcome
{
    public sealed record Accepted(string ProviderMessageId) : SendOutcome;

    /// <summary>Worth trying again later: rate limits, provider outages, timeouts.</summary>
    public sealed record Transient(string Reason) : SendOutcome;

    /// <summary>Will fail the same way every time: an invalid number, a refused address.</summary>
    public sealed record Permanent(string Reason) : SendOutcome;
}
