using System.Diagnostics.CodeAnalysis;
using NodaTime;
using NodaTime.Text;

namespace Intake.Domain.Availability;

/// <summary>
/// A stretch of a therapist's working day in wall-clock time, such as 09:00-12:00. <see cref="End"/> equal to
/// <see cref="LocalTime.Midnight"/> means 24:00, the end of the day (a window can never end at the 00:00 that
/// starts its own day), so 23:00-24:00 and 00:00-24:00 are windows. Otherwise the start is before the end.
/// Which real instants the window covers on a given date is decided by <see cref="SlotCalculator"/>
/// (see docs/decisions/004-daylight-saving-slots.md).
/// </summary>
public sealed record TimeWindow
{
    private static readonly LocalTimePattern HoursAndMinutes = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly LocalTimePattern Precise = LocalTimePattern.CreateWithInvariantCulture("HH:mm:ss.FFFFFFFFF");

    public TimeWindow(LocalTime start, LocalTime end)
    {
        if (end != LocalTime.Midnight && start >= end)
            throw new ArgumentException($"A window must start before it ends; {Format(start)}-{FormatEnd(end)} does not.", nameof(end));
        Start = start;
        End = end;
    }

    public LocalTime Start { get; }

    /// <summary>The end of the window, exclusive; <see cref="LocalTime.Midnight"/> stands for 24:00.</summary>
    public LocalTime End { get; }

    /// <summary>True when the window runs to the end of its day (written 24:00).</summary>
    public bool EndsAtEndOfDay => End == LocalTime.Midnight;

    /// <summary>Reads "HH:mm-HH:mm" (24-hour clock, two digits each, end 24:00 allowed), e.g. "13:00-17:00".</summary>
    /// <exception cref="FormatException">The text is not such a window, or its start is not before its end.</exception>
    public static TimeWindow Parse(string text) =>
        TryParse(text, out var window)
            ? window
            : throw new FormatException($"\"{text}\" is not a window like 09:00-12:00 (24-hour clock, start before end, end may be 24:00).");

    /// <summary>As <see cref="Parse"/>, returning false instead of throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out TimeWindow? window)
    {
        window = null;
        if (text is null)
            return false;
        var parts = text.Split('-');
        if (parts.Length != 2)
            return false;
        var startText = parts[0].Trim();
        var endText = parts[1].Trim();
        var start = HoursAndMinutes.Parse(startText);
        if (!start.Success)
            return false;
        LocalTime end;
        if (endText == "24:00")
        {
            end = LocalTime.Midnight;
        }
        else
        {
            var parsedEnd = HoursAndMinutes.Parse(endText);
            // "00:00" as an end would silently mean 24:00; ask for 24:00 so the text says what it means.
            if (!parsedEnd.Success || parsedEnd.Value == LocalTime.Midnight || start.Value >= parsedEnd.Value)
                return false;
            end = parsedEnd.Value;
        }

        window = new TimeWindow(start.Value, end);
        return true;
    }

    /// <summary>"09:00-12:00", "23:00-24:00"; seconds appear only when the window has them.</summary>
    public override string ToString() => $"{Format(Start)}-{FormatEnd(End)}";

    private static string FormatEnd(LocalTime end) => end == LocalTime.Midnight ? "24:00" : Format(end);

    private static string Format(LocalTime time) =>
        time.Second == 0 && time.NanosecondOfSecond == 0
            ? HoursAndMinutes.Format(time)
            : Precise.Format(time);
}
