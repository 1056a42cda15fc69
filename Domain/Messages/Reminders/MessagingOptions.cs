using NodaTime;
using NodaTime.Text;

namespace Intake.Domain.Messages.Reminders;

/// <summary>
/// When reminders and the therapists' daily agenda go out, as configured in the root appsettings.json, section
/// "Messaging". Validated at start by <see cref="MessagingOptionsValidation"/>.
/// </summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>The default offsets: 24 hours and 1 hour before the call.</summary>
    public static readonly IReadOnlyList<int> DefaultReminderOffsetMinutes = [24 * 60, 60];

    private static readonly LocalTimePattern TimeOfDay = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <summary>
    /// How long before the call each reminder is due, in minutes (default [1440, 60]). An offset is a real
    /// duration: across a daylight-saving change the 24-hour reminder of a Monday 09:00 call is due 24 elapsed
    /// hours earlier, which reads as Sunday 08:00 or 10:00 on the clock, not Sunday 09:00. The reminder's words
    /// always give the call's own local time in the recipient's zone. Absent means the defaults (a list in
    /// configuration is appended to, never merged, so the defaults are not put in this property).
    /// </summary>
    public List<int>? ReminderOffsetMinutes { get; set; }

    /// <summary>
    /// Local time, in the recipient's own zone, when quiet hours begin ("HH:mm", default "21:00"). A reminder that
    /// would fall inside them is sent at the moment they begin instead, the evening before; every other message to a
    /// prospect but the acknowledgement (<see cref="MessageUrgency"/>) that is written or comes up for sending inside
    /// them waits until they end.
    /// </summary>
    public string QuietHoursStart { get; set; } = "21:00";

    /// <summary>Local time when quiet hours end ("HH:mm", default "08:00"); before the start, the window crosses midnight. Equal to the start: no quiet hours.</summary>
    public string QuietHoursEnd { get; set; } = "08:00";

    /// <summary>Local time, in each therapist's own zone, from which their daily agenda is written ("HH:mm", default "07:30").</summary>
    public string AgendaTime { get; set; } = "07:30";

    public IReadOnlyList<Duration> ReminderOffsets() =>
        (ReminderOffsetMinutes is { Count: > 0 } minutes ? minutes : DefaultReminderOffsetMinutes)
            .Select(m => Duration.FromMinutes(m))
            .ToList();

    public QuietHours QuietHours() => new(ParseTime(QuietHoursStart), ParseTime(QuietHoursEnd));

    public LocalTime AgendaLocalTime() => ParseTime(AgendaTime);

    internal static bool IsTime(string? text) => text is not null && TimeOfDay.Parse(text).Success;

    private static LocalTime ParseTime(string text) => TimeOfDay.Parse(text).Value;
}
