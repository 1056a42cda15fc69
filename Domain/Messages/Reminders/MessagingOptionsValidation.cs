using Microsoft.Extensions.Options;

namespace Intake.Domain.Messages.Reminders;

/// <summary>Refuses to start with reminder or agenda settings that could not plan a message.</summary>
internal sealed class MessagingOptionsValidation : IValidateOptions<MessagingOptions>
{
    /// <summary>Two weeks: a reminder further ahead than that is a typo, not a choice.</summary>
    public const int MaxOffsetMinutes = 60 * 24 * 14;

    public const int MaxOffsets = 5;

    public ValidateOptionsResult Validate(string? name, MessagingOptions options)
    {
        var problems = new List<string>();
        if (options.ReminderOffsetMinutes is { } offsets)
        {
            if (offsets.Count > MaxOffsets)
                problems.Add($"Messaging:ReminderOffsetMinutes has at most {MaxOffsets} offsets.");
            if (offsets.Any(m => m is < 1 or > MaxOffsetMinutes))
                problems.Add($"Messaging:ReminderOffsetMinutes must each be between 1 and {MaxOffsetMinutes} (two weeks).");
            if (offsets.Distinct().Count() != offsets.Count)
                problems.Add("Messaging:ReminderOffsetMinutes must be distinct.");
        }

        if (!MessagingOptions.IsTime(options.QuietHoursStart))
            problems.Add("Messaging:QuietHoursStart must be a time of day as HH:mm.");
        if (!MessagingOptions.IsTime(options.QuietHoursEnd))
            problems.Add("Messaging:QuietHoursEnd must be a time of day as HH:mm.");
        if (!MessagingOptions.IsTime(options.AgendaTime))
            problems.Add("Messaging:AgendaTime must be a time of day as HH:mm.");

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
