using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Intake.Bench.Hosts;
using Intake.Bench.Load;
using Intake.Bench.Report;
using Intake.Bench.Storage;

namespace Intake.Bench.Figures;

/// <summary>
/// Figure 3: POST /api/consultations with a slot, over N connections, against raw ADO.NET inserts of the same rows
/// (request, slot holds, messages) in one transaction each, on the same database with as many connections.
/// </summary>
internal static class BookingFigure
{
    private const string Figure = "F3";
    private const double Target = 0.3;

    public static async Task<FigureResult> RunAsync(BenchContext context, BookingSite site)
    {
        var sizes = context.Sizes;
        var connections = sizes.BookingConnections;
        var result = new FigureResult(Figure, $"Booking: POST /api/consultations with a slot, {connections} connections");
        using var load = new HttpLoad(site.Api.BaseAddress, connections);

        // One booking through the Api to copy the rows from; it also warms the Api's first-request paths.
        var first = await BookAsync(load.Client, site.Next());
        await using var connection = await context.Storage.OpenAsync(site.Database);
        var raw = await RawBookingInsert.CaptureAsync(context.Storage, connection, first);
        context.CommitMs = await CommitProbe.MedianCommitMsAsync(context.Storage, site.Database);
        var writers = new RawBookingInsert.Writer[connections];
        for (var i = 0; i < connections; i++)
            writers[i] = await raw.CreateWriterAsync(await context.Storage.OpenAsync(site.Database));

        long copies = 0;
        Func<int, Task<bool>> rawInsert = async worker =>
        {
            await writers[worker].InsertAsync(Interlocked.Increment(ref copies));
            return true;
        };
        Func<int, HttpRequestMessage> booking = _ => Bookings.Post(site.Next());

        var stored = 1L;
        var warm = await load.RunAsync(sizes.Warmup, booking, HttpStatusCode.Created);
        var warmRaw = await ClosedLoop.RunAsync(connections, sizes.Warmup, rawInsert);
        stored += warm.Completed - warm.Failed + warmRaw.Completed - warmRaw.Failed;
        var api = new List<LoadRun>();
        var bare = new List<LoadRun>();
        var apiCpu = new List<CpuUse>();
        var bareCpu = new List<CpuUse>();
        for (var run = 0; run < sizes.Runs; run++)
        {
            var meter = CpuMeter.Start(site.Api.Process);
            api.Add(await load.RunAsync(sizes.LoadDuration, booking, HttpStatusCode.Created));
            apiCpu.Add(meter.Stop());
            meter = CpuMeter.Start(site.Api.Process);
            bare.Add(await ClosedLoop.RunAsync(connections, sizes.LoadDuration, rawInsert));
            bareCpu.Add(meter.Stop());
        }

        foreach (var writer in writers)
            await writer.DisposeAsync();
        stored += api.Concat(bare).Sum(r => r.Completed - r.Failed);
        var failed = warm.Failed + warmRaw.Failed + api.Concat(bare).Sum(r => r.Failed);
        context.Checks.Require(failed == 0, Figure, $"every booking answered 201 and every raw insert committed ({failed} did not)");
        await CheckRowsAsync(context, connection, stored, raw);

        var apiRate = Spread.Of(api.Select(r => r.PerSecond));
        var bareRate = Spread.Of(bare.Select(r => r.PerSecond));
        var ratio = apiRate.Median / bareRate.Median;
        BenchContext.Log($"F3: {apiRate.Format()} bookings/s vs raw {bareRate.Format()} ({ratio:P0})");
        result.Rows.Add(new FigureRow(Figure, $"booking, {connections} connections",
            $"{apiRate.Format()} req/s, p50 {Spread.Of(api.Select(r => r.PercentileMs(50))).Format("F1")} ms, p99 {Spread.Of(api.Select(r => r.PercentileMs(99))).Format("F1")} ms",
            $"{bareRate.Format()} inserts/s, p99 {Spread.Of(bare.Select(r => r.PercentileMs(99))).Format("F1")} ms",
            ratio, $"≥ {Target:P0}", ratio >= Target));

        var cpu = CpuUse.Median(apiCpu);
        var rawCpu = CpuUse.Median(bareCpu);
        var commitsPerSecond = 1000 / context.CommitMs.Value;
        result.Bounds.Add(
            $"Booking: {cpu.Verdict("bound by the storage's locking, not CPU")} — while booking {cpu.Describe()}, " +
            $"{cpu.Host("Api") / apiRate.Median * 1000:F1} ms of Api CPU per booking; every booking is one write transaction ({1 + raw.HoldCount + raw.MessageCount} rows), " +
            $"one commit alone costs {context.CommitMs:F2} ms here (≤ {commitsPerSecond:N0} commits/s), and {context.Storage.WriteContention}. " +
            $"The raw inserts (benchmark process {rawCpu.Bench:F2} cores) hold the lock only for their own inserts.");
        return result;
    }

    /// <summary>Books the slot through the Api; fails the run if it is not accepted.</summary>
    internal static async Task<Guid> BookAsync(HttpClient http, BookableSlot slot)
    {
        using var response = await http.SendAsync(Bookings.Post(slot));
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"Booking {slot} answered {(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>Each accepted booking and each raw copy left exactly one request with all its holds and messages.</summary>
    private static async Task CheckRowsAsync(BenchContext context, DbConnection connection, long stored, RawBookingInsert raw)
    {
        var requests = await CountAsync(connection, "ConsultationRequests");
        var holds = await CountAsync(connection, "SlotHolds");
        var messages = await CountAsync(connection, "Messages");
        context.Checks.Require(requests == stored && holds == stored * raw.HoldCount && messages == stored * raw.MessageCount, Figure,
            $"{stored:N0} bookings stored as {stored:N0} requests, {stored * raw.HoldCount:N0} slot holds and {stored * raw.MessageCount:N0} messages " +
            $"(found {requests:N0}, {holds:N0}, {messages:N0})");
    }

    private static async Task<long> CountAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
