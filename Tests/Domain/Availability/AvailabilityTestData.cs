using Intake.Domain.Availability;
using NodaTime;
using NodaTime.Text;

namespace Intake.Tests.Domain.Availability;

/// <summary>Short ways to write the instants, dates and schedules the availability tests talk about.</summary>
internal static class AvailabilityTestData
{
    private static readonly InstantPattern UtcMinutes = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm'Z'");
    private static readonly LocalDateTimePattern LocalMinutes = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");

    /// <summary>Every day of the week, for schedules that work all week.</summary>
    public static readonly IsoDayOfWeek[] AllWeek =
    [
        IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday,
        IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday,
    ];

    /// <summary>No notice, the longest horizon: only the windows and bookings decide.</summary>
    public static readonly AvailabilityRules Unhurried = new()
    {
        MinimumNotice = Duration.Zero,
        BookingHorizon = AvailabilityRules.MaxBookingHorizon,
    };

    /// <summary>Long before every date the tests use.</summary>
    public static readonly Instant LongBefore = Instant.FromUtc(2027, 1, 1, 0, 0);

    public static DateTimeZone Zone(string id) => DateTimeZoneProviders.Tzdb[id];

    /// <summary>"2027-03-14T06:00Z".</summary>
    public static Instant Utc(string text) => UtcMinutes.Parse(text).Value;

    /// <summary>"2027-03-14".</summary>
    public static LocalDate Date(string text) => LocalDatePattern.Iso.Parse(text).Value;

    /// <summary>A wall-clock time that happens exactly once in the zone ("2027-06-15T09:00").</summary>
    public static Instant Local(DateTimeZone zone, string text) => zone.AtStrictly(LocalMinutes.Parse(text).Value).ToInstant();

    public static TherapistSchedule EveryDay(string therapistId, DateTimeZone zone, params string[] windows) =>
        new(therapistId, zone, AllWeek.ToDictionary(day => day, _ => Hours(windows)));

    /// <summary>A therapist who works only on <paramref name="date"/>, in the given windows.</summary>
    public static TherapistSchedule OnlyOn(string therapistId, DateTimeZone zone, LocalDate date, params string[] windows) =>
        new(therapistId, zone, new Dictionary<IsoDayOfWeek, IReadOnlyList<TimeWindow>>(),
            new Dictionary<LocalDate, IReadOnlyList<TimeWindow>> { [date] = Hours(windows) });

    public static IReadOnlyList<TimeWindow> Hours(params string[] windows) => [.. windows.Select(TimeWindow.Parse)];

    /// <summary>Slot starts as UTC text, for assertions that read like the test cases.</summary>
    public static string[] Starts(IEnumerable<Slot> slots) => [.. slots.Select(slot => UtcMinutes.Format(slot.Start))];
}
