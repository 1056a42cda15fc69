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
    /// message is claimed again. While a job holds its claim it extends it every third of the lease (a heartbeat), and
    /// every sender's own timeout (Twilio:TimeoutSeconds, Smtp:TimeoutSeconds) must be shorter, checked at start, so
    /// no send outlives the claim it was made under.
    /// </summary>
    public double ClaimLeaseSeconds { get; set; } = 120;

    /// <summary>Attempts before a message that keeps failing transiently is given up as Failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// How long a message whose send ended without an answer (a timeout after the request went out) waits in Sending
    /// for the provider's report (Twilio's status callback adopts it as sent) before it is tried once more.
    /// </summary>
    public double UnknownOutcomeWaitSeconds { get; set; } = 300;

    /// <summary>First retry delay after a transient failure; doubles each attempt, up to an hour.</summary>
    public double RetryBaseSeconds { get; set; } = 10;

    /// <summary>
    /// At most this many texts handed to the SMS provider in any one second, by this process; 0 means no ceiling.
    /// One Twilio long code takes about 1 per second; a Messaging Service with several numbers, or a short code, more.
    /// </summary>
    public int MaxPerSecondSms { get; set; } = 1;

    /// <summary>At most this many emails handed to the email server in any one second, by this process; 0 means no ceiling.</summary>
    public int MaxPerSecondEmail { get; set; } = 10;

    /// <summary>Hangfire worker threads in this Worker process.</summary>
    public int Workers { get; set; } = 10;

    /// <summary>How often a claim in flight is extended: a third of the lease, so two heartbeats may be late.</summary>
    public TimeSpan HeartbeatInterval => TimeSpan.FromSeconds(ClaimLeaseSeconds / 3);
}
