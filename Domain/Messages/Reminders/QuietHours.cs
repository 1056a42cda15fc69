using NodaTime;
using NodaTime.TimeZones;

namespace Intake.Domain.Messages.Reminders;

/// <summary>
/// The hours of the recipient's own day when no reminder is sent, from <paramref name="Start"/> (inclusive) to
/// <paramref name="End"/> (exclusive), read on the local clock. A start after the end crosses midnight
/// (21:00–08:00); a start equal to the end means no quiet hours.
/// </summary>
public readonly record struct QuietHours(LocalTime Start, LocalTime End)
{
    /// <summary>
    /// How a local time is placed on the time line: in a daylight-saving gap, the first instant after it (the
    /// moment the clock first reads that late); in an overlap, the earlier of the two (the first time it reads so).
    /// </summary>
    public static readonly ZoneLocalMappingResolver Resolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    public bool IsNone => Start == End;

    public bool Contains(LocalTime time) =>
        !IsNone && (Start < End ? Start <= time && time < End : time >= Start || time < End);

    /// <summary>
    /// The instant the quiet period containing <paramref name="instant"/> began, in <paramref name="zone"/>; the
    /// instant itself when it is not inside quiet hours. For 21:00–08:00, 06:30 on Tuesday becomes 21:00 on Monday.
    /// </summary>
    public Instant StartOfQuietPeriodAt(Instant instant, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = instant.InZone(zone).LocalDateTime;
        if (!Contains(local.TimeOfDay))
            return instant;
        var began = Start < End || local.TimeOfDay >= Start ? local.Date : local.Date.PlusDays(-1);
        return zone.ResolveLocal(began + Start, Resolver).ToInstant();
    }

    /// <summary>
    /// How long after quiet hours begin a message planned for that very moment (a reminder moved to the start of
    /// quiet hours, see <see cref="ReminderPlanner"/>) may still go out: the scan's poll and the queue take a moment.
    /// </summary>
    public static readonly Duration EdgeGrace = Duration.FromMinutes(10);

    /// <summary>
    /// The instant the quiet period containing <paramref name="instant"/> ends, in <paramref name="zone"/>; the
    /// instant itself when it is not inside quiet hours. For 21:00–08:00, 23:30 on Monday becomes 08:00 on Tuesday.
    /// </summary>
    public Instant EndOfQuietPeriodAt(Instant instant, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = instant.InZone(zone).LocalDateTime;
        if (!Contains(local.TimeOfDay))
            return instant;
        var ends = Start < End || local.TimeOfDay < End ? local.Date : local.Date.PlusDays(1);
        var end = zone.ResolveLocal(ends + End, Resolver).ToInstant();
        return end > instant ? end : instant;
    }

    /// <summary>
    /// Whether a message due at <paramref name="dueAt"/> must wait at <paramref name="now"/>, and until when: the end
    /// of the quiet period <paramref name="now"/> falls in. A message planned for the very start of that period (a
    /// reminder placed at the last moment before quiet hours) still goes within <see cref="EdgeGrace"/> of it.
    /// </summary>
    public Instant? HoldsUntil(Instant now, Instant dueAt, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (!Contains(now.InZone(zone).TimeOfDay))
            return null;
        var began = StartOfQuietPeriodAt(now, zone);
        if (dueAt == began && now < began + EdgeGrace)
            return null;
        return EndOfQuietPeriodAt(now, zone);
    }
}
