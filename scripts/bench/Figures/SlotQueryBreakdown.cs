using System.Diagnostics;
using System.Text.Json;
using Intake.Domain;
using Intake.Domain.Availability;
using Intake.Domain.Availability.FindOpenSlots;
using Intake.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;

namespace Intake.Bench.Figures;

/// <summary>
/// Where one slot query's time goes, timed step by step in this process on the figure's own database, one call
/// after another: the domain's query (EF Core's reads and the calculation), the calculation alone, and writing
/// the response (two ISO times per slot, then JSON) as the Api writes it.
/// </summary>
internal static class SlotQueryBreakdown
{
    /// <summary>The Api's format for a time in a response (Api/OffsetTimes.cs), repeated here to time it.</summary>
    private static readonly OffsetDateTimePattern ResponseTime = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static async Task<IReadOnlyList<(string Step, double Ms)>> MeasureAsync(IConfiguration configuration, FindOpenSlots query, int calls)
    {
        await using var services = new ServiceCollection().AddLogging().AddIntakeDomain(configuration).BuildServiceProvider();
        async Task<OpenSlotList> FindAsync()
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query);
        }

        var found = await FindAsync();
        var domain = await TimeAsync(calls, FindAsync);

        List<Booking> bookings;
        List<TherapistSchedule> schedules;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            schedules = (await db.Therapists.AsNoTracking().ToListAsync()).Select(t => t.Schedule()).ToList();
            bookings = (await db.ConsultationRequests.AsNoTracking().Where(r => r.TherapistId != null).ToListAsync())
                .Select(r => new Booking(r.TherapistId!, r.SlotStart!.Value, r.SlotEnd!.Value)).ToList();
        }

        var rules = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Domain.Practices.PracticeOptions>>().Value.AvailabilityRules();
        var now = SystemClock.Instance.GetCurrentInstant();
        var from = IsoDate.Parse(query.From)!.Value;
        var to = IsoDate.Parse(query.To)!.Value;
        var calculation = await TimeAsync(calls, () => Task.FromResult(SlotCalculator.OpenSlots(rules, schedules, bookings, now, from, to, found.TimeZone)));

        var zone = found.TimeZone;
        var formatting = await TimeAsync(calls, () => Task.FromResult(Format(found.Slots, zone)));
        var body = Format(found.Slots, zone);
        var serialising = await TimeAsync(calls, async () =>
        {
            await JsonSerializer.SerializeAsync(Stream.Null, new { timeZone = zone.Id, slots = body }, Web);
            return 0;
        });

        return
        [
            ("the domain's query: EF Core reads the therapists and bookings, then the calculation", domain),
            ("… of which the calculation alone", calculation),
            ($"writing {found.Slots.Count:N0} slots' start and end as ISO times with offset", formatting),
            ("serialising the response to JSON", serialising),
        ];
    }

    private static List<SlotBody> Format(IReadOnlyList<Slot> slots, DateTimeZone zone) =>
        slots.Select(s => new SlotBody(s.TherapistId, ResponseTime.Format(s.Start.InZone(zone).ToOffsetDateTime()), ResponseTime.Format(s.End.InZone(zone).ToOffsetDateTime()))).ToList();

    /// <summary>Median milliseconds of one call, over <paramref name="calls"/> calls after a few unmeasured ones.</summary>
    private static async Task<double> TimeAsync<T>(int calls, Func<Task<T>> call)
    {
        for (var i = 0; i < 3; i++)
            await call();
        var times = new List<double>(calls);
        for (var i = 0; i < calls; i++)
        {
            var began = Stopwatch.GetTimestamp();
            await call();
            times.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
        }

        return Report.Spread.Of(times).Median;
    }

    private sealed record SlotBody(string TherapistId, string Start, string End);
}
