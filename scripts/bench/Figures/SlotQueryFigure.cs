using System.Net;
using System.Text.Json;
using Intake.Bench.Hosts;
using Intake.Bench.Load;
using Intake.Bench.Report;
using NodaTime;

namespace Intake.Bench.Figures;

/// <summary>
/// Figure 1: GET /api/slots for 30 days of 3 therapists holding 1,000 bookings (made through the Api), at 1, 16
/// and 64 connections, against a bare endpoint of the same Api writing a precomputed JSON body of the same size.
/// </summary>
internal static class SlotQueryFigure
{
    private const string Figure = "F1";
    private const double Target = 0.5;

    public static async Task<FigureResult> RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        var result = new FigureResult(Figure, $"Slot query: {sizes.SlotQueryDays} days, {PracticeSettings.TherapistIds.Length} therapists, {sizes.SlotQueryBookings:N0} bookings");
        var database = await context.Storage.CreateDatabaseAsync("slot-query");
        var settings = new Dictionary<string, string>(context.Storage.HostSettings(database));
        foreach (var (key, value) in PracticeSettings.For(horizonDays: sizes.SlotQueryDays + 2))
            settings[key] = value;
        using var api = await context.Hosts.StartApiAsync(settings);
        using var http = new HttpClient { BaseAddress = api.BaseAddress };

        // From tomorrow, so neither the notice period nor the horizon trims the days asked for.
        var zone = DateTimeZoneProviders.Tzdb[PracticeSettings.Zone];
        var from = SystemClock.Instance.GetCurrentInstant().InZone(zone).Date.PlusDays(1);
        var to = from.PlusDays(sizes.SlotQueryDays - 1);
        var query = $"/api/slots?from={Bookings.IsoDate(from)}&to={Bookings.IsoDate(to)}&timeZone={Uri.EscapeDataString(zone.Id)}";
        var everySlot = PracticeSettings.TherapistIds.Length * sizes.SlotQueryDays * PracticeSettings.SlotsPerDay;

        var (open, _) = await SlotsAsync(http, query);
        context.Checks.Require(open.Count == everySlot, Figure, $"before any booking all {everySlot:N0} slots of the {sizes.SlotQueryDays} days are open (got {open.Count:N0})");
        BenchContext.Log($"F1: booking {sizes.SlotQueryBookings:N0} of {open.Count:N0} slots through POST /api/consultations");
        var booked = await BookEvenlyAsync(http, open, sizes.SlotQueryBookings);
        context.Checks.Require(booked == sizes.SlotQueryBookings, Figure, $"all {sizes.SlotQueryBookings:N0} seeding bookings answered 201 (got {booked:N0})");
        var (left, bodyBytes) = await SlotsAsync(http, query);
        context.Checks.Require(left.Count == everySlot - sizes.SlotQueryBookings, Figure,
            $"after the bookings exactly {everySlot - sizes.SlotQueryBookings:N0} slots are open (got {left.Count:N0})");

        var baseline = $"/bench/baseline/json?bytes={bodyBytes}";
        var failures = 0;
        CpuUse? busiest = null;
        double apiMsPerQuery = 0;
        double apiMsPerBaseline = 0;
        foreach (var connections in sizes.SlotQueryConnections)
        {
            using var load = new HttpLoad(api.BaseAddress, connections);
            await load.RunAsync(sizes.Warmup, _ => new HttpRequestMessage(HttpMethod.Get, baseline), HttpStatusCode.OK, bodyBytes);
            await load.RunAsync(sizes.Warmup, _ => new HttpRequestMessage(HttpMethod.Get, query), HttpStatusCode.OK, bodyBytes);
            var real = new List<LoadRun>();
            var bare = new List<LoadRun>();
            var cpu = new List<CpuUse>();
            var bareCpu = new List<CpuUse>();
            for (var run = 0; run < sizes.Runs; run++)
            {
                var meter = CpuMeter.Start(api.Process);
                bare.Add(await load.RunAsync(sizes.LoadDuration, _ => new HttpRequestMessage(HttpMethod.Get, baseline), HttpStatusCode.OK, bodyBytes));
                bareCpu.Add(meter.Stop());
                meter = CpuMeter.Start(api.Process);
                real.Add(await load.RunAsync(sizes.LoadDuration, _ => new HttpRequestMessage(HttpMethod.Get, query), HttpStatusCode.OK, bodyBytes));
                cpu.Add(meter.Stop());
            }

            failures += real.Concat(bare).Sum(r => r.Failed);
            var realRate = Spread.Of(real.Select(r => r.PerSecond));
            var bareRate = Spread.Of(bare.Select(r => r.PerSecond));
            var ratio = realRate.Median / bareRate.Median;
            busiest = CpuUse.Median(cpu);
            apiMsPerQuery = busiest.Host("Api") / realRate.Median * 1000;
            apiMsPerBaseline = CpuUse.Median(bareCpu).Host("Api") / bareRate.Median * 1000;
            BenchContext.Log($"F1: {connections} connections: {realRate.Format()} req/s vs baseline {bareRate.Format()} ({ratio:P0}); CPU {busiest.Describe()}");
            result.Rows.Add(new FigureRow(Figure, $"slot query, {connections} connection{(connections == 1 ? "" : "s")}",
                $"{realRate.Format()} req/s, p50 {Spread.Of(real.Select(r => r.PercentileMs(50))).Format("F1")} ms, p99 {Spread.Of(real.Select(r => r.PercentileMs(99))).Format("F1")} ms",
                $"{bareRate.Format()} req/s, p99 {Spread.Of(bare.Select(r => r.PercentileMs(99))).Format("F1")} ms",
                ratio, $"≥ {Target:P0}", ratio >= Target));
        }

        context.Checks.Require(failures == 0, Figure, $"every measured response was 200 with the {bodyBytes:N0}-byte body ({failures} were not)");
        context.RecordPeak(api.Process, "F1 slot query");

        var steps = await SlotQueryBreakdown.MeasureAsync(
            BenchConfiguration.Build(context.Options.RepositoryRoot, settings),
            new Domain.Availability.FindOpenSlots.FindOpenSlots(Bookings.IsoDate(from), Bookings.IsoDate(to), zone.Id, null),
            context.Options.Quick ? 5 : 40);
        result.Details.Add(
            $"Where one query's time goes (median of one call after another in the benchmark process, on the figure's database), against the Api's CPU per request under load at {sizes.SlotQueryConnections[^1]} connections:\n\n" +
            "| step | ms |\n|---|---:|\n" +
            string.Concat(steps.Select(s => $"| {s.Step} | {s.Ms:F2} |\n")) +
            $"| Api CPU per slot query under load (all of the above, plus HTTP and the host) | {apiMsPerQuery:F2} |\n" +
            $"| Api CPU per baseline request under load (HTTP and writing the same bytes) | {apiMsPerBaseline:F2} |\n");

        result.Bounds.Add(
            $"Slot query: {busiest!.Verdict("not bound by CPU")} — at {sizes.SlotQueryConnections[^1]} connections {busiest.Describe()}; " +
            $"each query costs the Api {apiMsPerQuery:F1} ms of CPU against {apiMsPerBaseline:F2} ms for the baseline's {bodyBytes / 1024.0:N0} KB (see the breakdown below).");
        return result;
    }

    /// <summary>The open slots the Api lists (therapist and start), and the response's size in bytes.</summary>
    private static async Task<(List<BookableSlot> Slots, long Bytes)> SlotsAsync(HttpClient http, string query)
    {
        var bytes = await http.GetByteArrayAsync(query);
        using var document = JsonDocument.Parse(bytes);
        var zone = document.RootElement.GetProperty("timeZone").GetString()!;
        var slots = document.RootElement.GetProperty("slots").EnumerateArray()
            .Select(s => new BookableSlot(s.GetProperty("therapistId").GetString()!, s.GetProperty("start").GetString()!, zone))
            .ToList();
        return (slots, bytes.Length);
    }

    /// <summary>Books <paramref name="count"/> of the slots, spread evenly over them; returns how many were accepted.</summary>
    private static async Task<int> BookEvenlyAsync(HttpClient http, List<BookableSlot> open, int count)
    {
        var chosen = Enumerable.Range(0, count).Select(i => open[(int)((long)i * open.Count / count)]).ToList();
        var accepted = 0;
        await Parallel.ForEachAsync(chosen, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (slot, ct) =>
        {
            using var response = await http.SendAsync(Bookings.Post(slot), ct);
            if (response.StatusCode == HttpStatusCode.Created)
                Interlocked.Increment(ref accepted);
        });
        return accepted;
    }
}
