namespace Intake.Worker;

/// <summary>Section "Jobs": how often the recurring jobs run (cron, in UTC). With a shared storage each runs once per schedule.</summary>
public sealed class RecurringJobOptions
{
    public const string Section = "Jobs";

    /// <summary>Looks for held slots nobody confirmed in time.</summary>
    public string ExpirySchedule { get; set; } = "* * * * *";

    /// <summary>Looks for therapists whose agenda time has come in their own zone (it is written once a day each).</summary>
    public string AgendaSchedule { get; set; } = "*/5 * * * *";
}
