using NodaTime;
using NodaTime.TimeZones;

namespace Intake.Domain.Availability;

/// <summary>
/// Works out which consultation times are open, from the practice's rules, each therapist's schedule and the
/// bookings already made. Pure: no clock, no storage; <c>now</c> is passed in.
/// </summary>
/// <remarks>
/// The daylight-saving rule (docs/decisions/004-daylight-saving-slots.md): a window is the real time between its
/// local start and end on the therapist's date. A local time in a gap means the first instant after the gap; an
/// ambiguous start means the earlier instant and an ambiguous end the later one, so a window never loses a
/// repeated hour; 24:00 means the start of the next day. Slots run from the window's start in real time, one every
/// consultation length plus buffer, and each ends by the window's end.
/// </remarks>
public static class SlotCalculator
{
    private static readonly ZoneLocalMappingResolver WindowStart =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    private static readonly ZoneLocalMappingResolver WindowEnd =
        Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ReturnStartOfIntervalAfter);

    /// <summary>
    /// The open slots whose start falls between the start of <paramref name="from"/> and the start of the day
    /// after <paramref name="to"/>, both read in <paramref name="zone"/> (the prospect's zone), sorted by start and
    /// then by therapist id.
    /// </summary>
    /// <param name="rules">Length, buffer, notice, horizon and daily cap.</param>
    /// <param name="schedules">One schedule per therapist; therapist ids must be distinct.</param>
    /// <param name="bookings">Held and confirmed bookings; those of therapists without a schedule are ignored.</param>
    /// <param name="now">The current instant: slots start at least the minimum notice after it and before the horizon.</param>
    /// <param name="from">First requested date, inclusive.</param>
    /// <param name="to">Last requested date, inclusive; not before <paramref name="from"/>.</param>
    /// <param name="zone">The zone <paramref name="from"/> and <paramref name="to"/> are read in.</param>
    /// <param name="therapistId">Only this therapist's slots when given (none if no schedule has that id).</param>
    /// <remarks>
    /// Cost: O(B log B) to sort the bookings, then one pass over the days and slots in range, walking each
    /// therapist's bookings alongside; never slots × bookings.
    /// </remarks>
    public static IReadOnlyList<Slot> OpenSlots(
        AvailabilityRules rules,
        IEnumerable<TherapistSchedule> schedules,
        IEnumerable<Booking> bookings,
        Instant now,
        LocalDate from,
        LocalDate to,
        DateTimeZone zone,
        string? therapistId = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(schedules);
        ArgumentNullException.ThrowIfNull(bookings);
        ArgumentNullException.ThrowIfNull(zone);
        if (from > to)
            throw new ArgumentException($"The requested range must not end ({to}) before it starts ({from}).", nameof(to));

        var selected = SelectSchedules(schedules, therapistId);
        var earliest = now + rules.MinimumNotice;
        var horizon = now + rules.BookingHorizon;

        // Clip the dates to the bookable period first (with a margin for zones whose local date steps back), so a
        // wide or extreme request costs no more than the horizon and never overflows the calendar.
        var firstDate = LocalDate.Max(from, earliest.InZone(zone).Date.PlusDays(-2));
        var lastDate = LocalDate.Min(to, horizon.InZone(zone).Date.PlusDays(2));
        if (selected.Count == 0 || firstDate > lastDate)
            return [];

        var rangeStart = Instant.Max(zone.AtStartOfDay(firstDate).ToInstant(), earliest);
        var rangeEnd = Instant.Min(zone.AtStartOfDay(lastDate.PlusDays(1)).ToInstant(), horizon);
        if (rangeStart >= rangeEnd)
            return [];

        var bookingsByTherapist = selected.Keys.ToDictionary(id => id, _ => new List<Booking>(), StringComparer.Ordinal);
        foreach (var booking in bookings)
        {
            if (bookingsByTherapist.TryGetValue(booking.TherapistId, out var own))
                own.Add(booking);
        }

        var slots = new List<Slot>();
        foreach (var schedule in selected.Values)
            AddOpenSlots(slots, schedule, bookingsByTherapist[schedule.TherapistId], rules, rangeStart, rangeEnd);

        slots.Sort(static (a, b) =>
        {
            var byStart = a.Start.CompareTo(b.Start);
            return byStart != 0 ? byStart : string.CompareOrdinal(a.TherapistId, b.TherapistId);
        });
        return slots.AsReadOnly();
    }

    /// <summary>The real time a window covers on the therapist's local date, by the rule in the remarks above.</summary>
    internal static (Instant Start, Instant End) Span(LocalDate date, TimeWindow window, DateTimeZone zone)
    {
        var start = date.At(window.Start).InZone(zone, WindowStart).ToInstant();
        var end = window.EndsAtEndOfDay
            ? zone.AtStartOfDay(date.PlusDays(1)).ToInstant()
            : date.At(window.End).InZone(zone, WindowEnd).ToInstant();
        return (start, end);
    }

    private static Dictionary<string, TherapistSchedule> SelectSchedules(IEnumerable<TherapistSchedule> schedules, string? therapistId)
    {
        var selected = new Dictionary<string, TherapistSchedule>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var schedule in schedules)
        {
            ArgumentNullException.ThrowIfNull(schedule, nameof(schedules));
            if (!seen.Add(schedule.TherapistId))
                throw new ArgumentException($"Therapist {schedule.TherapistId} has more than one schedule.", nameof(schedules));
            if (therapistId is null || string.Equals(schedule.TherapistId, therapistId, StringComparison.Ordinal))
                selected.Add(schedule.TherapistId, schedule);
        }

        return selected;
    }

    private static void AddOpenSlots(
        List<Slot> slots,
        TherapistSchedule schedule,
        List<Booking> bookings,
        AvailabilityRules rules,
        Instant rangeStart,
        Instant rangeEnd)
    {
        var zone = schedule.Zone;
        var length = rules.ConsultationLength;
        var step = rules.ConsultationLength + rules.Buffer;
        var busy = BusyTimes(bookings, rules.Buffer);
        var bookedPerDay = rules.DailyCap is null
            ? null
            : bookings.CountBy(booking => booking.Start.InZone(zone).Date).ToDictionary();

        var nextBusy = 0;
        var coveredUntil = Instant.MinValue;
        var lastDate = rangeEnd.InZone(zone).Date.PlusDays(1);
        for (var date = rangeStart.InZone(zone).Date.PlusDays(-1); date <= lastDate; date = date.PlusDays(1))
        {
            if (bookedPerDay is not null && bookedPerDay.GetValueOrDefault(date) >= rules.DailyCap)
                continue;

            foreach (var window in schedule.WindowsOn(date))
            {
                var (windowStart, windowEnd) = Span(date, window, zone);

                // Two windows meeting at a repeated local time would both claim the repeated hour (the earlier
                // window's end resolves late, the later window's start early): the later one starts where the
                // earlier one ends, so one therapist's slots never overlap.
                windowStart = Instant.Max(windowStart, coveredUntil);
                if (windowStart >= windowEnd)
                    continue;
                coveredUntil = windowEnd;

                for (var start = windowStart; start + length <= windowEnd && start < rangeEnd; start += step)
                {
                    if (start < rangeStart)
                        continue;
                    var end = start + length;
                    while (nextBusy < busy.Count && busy[nextBusy].End <= start)
                        nextBusy++;
                    if (nextBusy < busy.Count && busy[nextBusy].Start < end)
                        continue;
                    slots.Add(new Slot(schedule.TherapistId, start, end));
                }
            }
        }
    }

    /// <summary>
    /// Each booking widened by the buffer on both sides, sorted and merged into disjoint intervals. A slot [s, e)
    /// meets a widened booking [bs - buffer, be + buffer) exactly when s &lt; be + buffer and bs &lt; e + buffer.
    /// </summary>
    private static List<(Instant Start, Instant End)> BusyTimes(List<Booking> bookings, Duration buffer)
    {
        var widened = bookings
            .Select(booking => (Start: booking.Start - buffer, End: booking.End + buffer))
            .OrderBy(interval => interval.Start)
            .ToList();
        var merged = new List<(Instant Start, Instant End)>(widened.Count);
        foreach (var interval in widened)
        {
            if (merged.Count > 0 && interval.Start <= merged[^1].End)
                merged[^1] = (merged[^1].Start, Instant.Max(merged[^1].End, interval.End));
            else
                merged.Add(interval);
        }

        return merged;
    }
}
