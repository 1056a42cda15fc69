using BenchmarkDotNet.Attributes;
using Intake.Domain.Availability;
using NodaTime;

namespace Intake.Bench.Figures;

/// <summary>
/// The slot calculator alone, as BenchmarkDotNet runs it: three therapists working 08:00–20:00 every day, a range
/// of <see cref="Days"/> days, and <see cref="Bookings"/> bookings spread evenly over the year after its start.
/// All of them are passed in, even those outside a short range: the Api passes only the range's own (± 2 days),
/// so this is the calculator's worst case, and days and bookings vary independently.
/// </summary>
public class SlotCalculatorBenchmarks
{
    private const int Therapists = 3;
    private const int SlotsPerDay = 48;
    private const int YearDays = 365;

    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly Instant Now = Instant.FromUtc(2027, 1, 4, 5, 0);

    private readonly AvailabilityRules _rules = new() { MinimumNotice = Duration.Zero, BookingHorizon = AvailabilityRules.MaxBookingHorizon };
    private TherapistSchedule[] _schedules = [];
    private List<Booking> _bookings = [];
    private LocalDate _from;
    private LocalDate _to;

    /// <summary>The sizes a run measures; set before BenchmarkDotNet starts (it runs in this process).</summary>
    internal static IReadOnlyList<int> DaysToRun { get; set; } = [7, 30, 90, 365];

    internal static IReadOnlyList<int> BookingsToRun { get; set; } = [100, 1_000, 10_000];

    public static IEnumerable<int> DaysSource => DaysToRun;

    public static IEnumerable<int> BookingsSource => BookingsToRun;

    [ParamsSource(nameof(DaysSource))]
    public int Days { get; set; }

    [ParamsSource(nameof(BookingsSource))]
    public int Bookings { get; set; }

    /// <summary>How many slots the range should offer: every slot of its days but those booked.</summary>
    public int ExpectedSlots => Days * Therapists * SlotsPerDay - _bookings.Count(b => b.Start < _from.PlusDays(Days).AtStartOfDayInZone(Zone).ToInstant());

    [GlobalSetup]
    public void Setup()
    {
        IReadOnlyList<TimeWindow> hours = [TimeWindow.Parse("08:00-14:00"), TimeWindow.Parse("14:00-20:00")];
        var weekly = Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None).ToDictionary(d => d, _ => hours);
        _schedules = Enumerable.Range(1, Therapists).Select(t => new TherapistSchedule($"t{t}", Zone, weekly)).ToArray();
        _from = Now.InZone(Zone).Date.PlusDays(1);
        _to = _from.PlusDays(Days - 1);

        // Slot positions over the year, day by day, slot by slot, therapist by therapist; every n-th is booked.
        var positions = YearDays * SlotsPerDay * Therapists;
        _bookings = Enumerable.Range(0, Bookings).Select(k =>
        {
            var position = (int)((long)k * positions / Bookings);
            var day = position / (SlotsPerDay * Therapists);
            var slot = position % (SlotsPerDay * Therapists) / Therapists;
            var start = _from.PlusDays(day).At(new LocalTime(8, 0)).InZoneStrictly(Zone).ToInstant() + Duration.FromMinutes(15 * slot);
            return new Booking($"t{position % Therapists + 1}", start, start + Duration.FromMinutes(15));
        }).ToList();
    }

    [Benchmark]
    public int OpenSlots() => SlotCalculator.OpenSlots(_rules, _schedules, _bookings, Now, _from, _to, Zone).Count;
}
