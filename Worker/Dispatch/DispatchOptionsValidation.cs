using Intake.Worker.Senders;
using Microsoft.Extensions.Options;

namespace Intake.Worker.Dispatch;

/// <summary>
/// Refuses to start with dispatch settings that cannot work, and with a lease a send could outlive: the lease must
/// be longer than the timeout of every sender in use, so a second Worker never takes a message still being sent.
/// </summary>
internal sealed class DispatchOptionsValidation(IOptions<TwilioOptions> twilio, IOptions<SmtpOptions> smtp) : IValidateOptions<DispatchOptions>
{
    public ValidateOptionsResult Validate(string? name, DispatchOptions options)
    {
        var problems = new List<string>();
        if (options.PollIntervalSeconds is <= 0 or > 3600)
            problems.Add("Dispatch:PollIntervalSeconds must be between 0 and 3600.");
        if (options.BatchSize is < 1 or > 10_000)
            problems.Add("Dispatch:BatchSize must be between 1 and 10000.");
        if (options.ClaimLeaseSeconds is < 3 or > 86_400)
            problems.Add("Dispatch:ClaimLeaseSeconds must be between 3 and 86400.");
        if (options.MaxAttempts is < 1 or > 100)
            problems.Add("Dispatch:MaxAttempts must be between 1 and 100.");
        if (options.RetryBaseSeconds is <= 0 or > 3600)
            problems.Add("Dispatch:RetryBaseSeconds must be between 0 and 3600.");
        if (options.UnknownOutcomeWaitSeconds is <= 0 or > 86_400)
            problems.Add("Dispatch:UnknownOutcomeWaitSeconds must be between 0 and 86400.");
        if (options.MaxPerSecondSms is < 0 or > 1000)
            problems.Add("Dispatch:MaxPerSecondSms must be between 0 (no ceiling) and 1000.");
        if (options.MaxPerSecondEmail is < 0 or > 1000)
            problems.Add("Dispatch:MaxPerSecondEmail must be between 0 (no ceiling) and 1000.");
        if (options.Workers is < 1 or > 100)
            problems.Add("Dispatch:Workers must be between 1 and 100.");
        if (twilio.Value.IsConfigured && twilio.Value.TimeoutSeconds >= options.ClaimLeaseSeconds)
            problems.Add($"Twilio:TimeoutSeconds ({twilio.Value.TimeoutSeconds}) must be shorter than Dispatch:ClaimLeaseSeconds ({options.ClaimLeaseSeconds}).");
        if (smtp.Value.IsConfigured && smtp.Value.TimeoutSeconds >= options.ClaimLeaseSeconds)
            problems.Add($"Smtp:TimeoutSeconds ({smtp.Value.TimeoutSeconds}) must be shorter than Dispatch:ClaimLeaseSeconds ({options.ClaimLeaseSeconds}).");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

/// <summary>Recurring job schedules must be cron expressions (five or six fields).</summary>
internal sealed class RecurringJobOptionsValidation : IValidateOptions<RecurringJobOptions>
{
    public ValidateOptionsResult Validate(string? name, RecurringJobOptions options)
    {
        var problems = new List<string>();
        if (!IsCron(options.ExpirySchedule))
            problems.Add("Jobs:ExpirySchedule must be a cron expression, e.g. \"* * * * *\".");
        if (!IsCron(options.AgendaSchedule))
            problems.Add("Jobs:AgendaSchedule must be a cron expression, e.g. \"*/5 * * * *\".");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static bool IsCron(string? schedule) =>
        schedule?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is 5 or 6;
}
