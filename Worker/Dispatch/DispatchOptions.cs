namespace Intake.Worker.Dispatch;

/// <summary>Section "Dispatch": how the Worker sends what is due.</summary>
public sealed class DispatchOptions
{
    public const string Section = "Dispatch";

    /// <summary>How often the Worker looks for due messages.</summary>
    public double PollIntervalSeconds { get; set; } = 1;

    /// <summary>How many due messages one scan hands to jobs.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// How long a claim holds. A job that dies mid-send leaves its message Sending; once the lease runs out the
    /// message is claimed again. Must be well above the senders' own timeouts (30 s).
    /// </summary>
    public double ClaimLeaseSeconds { get; set; } = 120;

    /// <summary>Attempts before a message that keeps failing transiently is given up as Failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>First retry delay after a transient failure; doubles each attempt, up to an hour.</summary>
    public double RetryBaseSeconds { get; set; } = 10;

    /// <summary>
    /// At most this many texts handed to the SMS provider in any one second, by this process; 0 means no ceiling.
    /// One Twilio long code takes about 1 per second; a Messaging Service with several numbers, or a short code, more.
    /// </summary>
    public int MaxPerSecondSms { get; set; } = 1;

    /// <summary>At most this many emails handed to the email server in any one second, by this process; 0 means no ceiling.</summary>
    public int MaxPerSecondEmail { get; set; } = 10;
}
