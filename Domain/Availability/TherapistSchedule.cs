using System.Collections.Frozen;
using System.Collections.ObjectModel;
using NodaTime;

namespace Intake.Domain.Availability;

/// <summary>
/// When one therapist takes consultations: windows for each day of the week, read in the therapist's own zone,
/// and date overrides that replace the weekly windows on one local date (an empty list is a day off).
/// Windows of one day are kept sorted by start and may not overlap.
/// </summary>
public sealed record TherapistSchedule
{
    public TherapistSchedule(
        string therapistId,
        DateTimeZone zone,
        IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<TimeWindow>> weekly,
        IReadOnlyDictionary<LocalDate, IReadOnlyList<TimeWindow>>? overrides = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(therapistId);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(weekly);

        foreach (var day in weekly.Keys)
        {
            if (day is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
                throw new ArgumentException($"{day} is not a day of the week.", nameof(weekly));
        }

        TherapistId = therapistId;
        Zone = zone;
        Weekly = weekly.ToFrozenDictionary(pair => pair.Key, pair => (IReadOnlyList<TimeWindow>)Normalize(pair.Value, pair.Key.ToString(), nameof(weekly)));
        Overrides = (overrides ?? FrozenDictionary<LocalDate, IReadOnlyList<TimeWindow>>.Empty)
            .ToFrozenDictionary(pair => pair.Key, pair => (IReadOnlyList<TimeWindow>)Normalize(pair.Value, pair.Key.ToString(), nameof(overrides)));
    }

    public string TherapistId { get; }

    /// <summary>The therapist's IANA zone: every window and the daily cap are read in it.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Windows by day of the week, each list sorted by start.</summary>
    public IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<TimeWindow>> Weekly { get; }

    /// <summary>Windows for particular local dates, replacing the weekly ones; an empty list is a day off.</summary>
    public IReadOnlyDictionary<LocalDate, IReadOnlyList<TimeWindow>> Overrides { get; }

    /// <summary>The windows that apply on the therapist's local <paramref name="date"/>, sorted by start.</summary>
    public IReadOnlyList<TimeWindow> WindowsOn(LocalDate date) =>
        Overrides.TryGetValue(date, out var special) ? special
        : Weekly.TryGetValue(date.DayOfWeek, out var usual) ? usual
        : [];

    private static ReadOnlyCollection<TimeWindow> Normalize(IReadOnlyList<TimeWindow> windows, string day, string parameter)
    {
        ArgumentNullException.ThrowIfNull(windows, parameter);
        var sorted = windows.ToArray();
        if (sorted.Any(window => window is null))
            throw new ArgumentException($"The windows on {day} include a missing one.", parameter);
        Array.Sort(sorted, (a, b) => a.Start.CompareTo(b.Start));
        for (var i = 1; i < sorted.Length; i++)
        {
            var previous = sorted[i - 1];
            if (previous.EndsAtEndOfDay || sorted[i].Start < previous.End)
                throw new ArgumentException($"The windows on {day} overlap: {previous} and {sorted[i]}.", parameter);
        }

        return Array.AsReadOnly(sorted);
    }
}
