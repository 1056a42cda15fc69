using Intake.Bench.Hosts;
using Intake.Bench.Load;
using NodaTime;

namespace Intake.Bench.Figures;

/// <summary>
/// The Api the booking and contention figures share, on its own database, with a year of hours to book and a
/// supply of distinct slots (from the day after tomorrow, so none is too soon).
/// </summary>
internal sealed class BookingSite : IDisposable
{
    private readonly IEnumerator<BookableSlot> _slots;

    private BookingSite(ApiHost api, string database)
    {
        Api = api;
        Database = database;
        var zone = DateTimeZoneProviders.Tzdb[PracticeSettings.Zone];
        var first = SystemClock.Instance.GetCurrentInstant().InZone(zone).Date.PlusDays(2);
        _slots = Bookings.From(first, zone, PracticeSettings.TherapistIds, PracticeSettings.Windows, PracticeSettings.ConsultationMinutes).GetEnumerator();
    }

    public ApiHost Api { get; }

    public string Database { get; }

    public static async Task<BookingSite> StartAsync(BenchContext context)
    {
        var database = await context.Storage.CreateDatabaseAsync("booking");
        var settings = new Dictionary<string, string>(context.Storage.HostSettings(database));
        foreach (var (key, value) in PracticeSettings.For(horizonDays: 365))
            settings[key] = value;
        return new BookingSite(await context.Hosts.StartApiAsync(settings), database);
    }

    /// <summary>A slot no one has asked for yet.</summary>
    public BookableSlot Next()
    {
        lock (_slots)
        {
            _slots.MoveNext();
            return _slots.Current;
        }
    }

    public void Dispose()
    {
        _slots.Dispose();
        Api.Dispose();
    }
}
