using NodaTime;

namespace Intake.Domain.Messages.Reminders;

/// <summary>One reminder to write: not before <paramref name="DueAt"/>, never after <paramref name="NotAfter"/> (the call's start).</summary>
public readonly record struct PlannedReminder(Instant DueAt, Instant NotAfter);

/// <summary>When a call's reminders are due. Pure: the handlers give it the call, the settings, the zone and now.</summary>
public static class ReminderPlanner
{
    /// <summary>
    /// For each offset, the reminder is due at <c>callStart − offset</c> (a real duration, so across a
    /// daylight-saving change the clock reading moves by the hour the change adds or takes). One that would fall
    /// inside the recipient's quiet hours, read in <paramref name="zone"/>, is due when those quiet hours began
    /// instead (the evening before, for 21:00–08:00). One whose time has already come at <paramref name="now"/> is
    /// left out, never sent late; two that land on the same instant are one. Earliest first.
    /// </summary>
    public static IReadOnlyList<PlannedReminder> PlanReminders(
        Instant callStart, IEnumerable<Duration> offsets, QuietHours quiet, DateTimeZone zone, Instant now)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentNullException.ThrowIfNull(zone);
        return offsets
            .Where(offset => offset > Duration.Zero)
            .Select(offset => quiet.StartOfQuietPeriodAt(callStart - offset, zone))
            .Where(due => due > now && due < callStart)
            .Distinct()
            .Order()
            .Select(due => new PlannedReminder(due, callStart))
            .ToList();
    }
}
