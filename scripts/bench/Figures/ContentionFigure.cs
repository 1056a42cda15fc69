using System.Diagnostics;
using System.Net;
using Intake.Bench.Hosts;
using Intake.Bench.Load;
using Intake.Bench.Report;

namespace Intake.Bench.Figures;

/// <summary>
/// Figure 4: N requests for one slot sent at the same moment over N open connections: exactly one may be
/// accepted (201) and every other must be told the slot is taken (409). Measures the time until all are answered.
/// </summary>
internal static class ContentionFigure
{
    private const string Figure = "F4";

    public static async Task<FigureResult> RunAsync(BenchContext context, BookingSite site)
    {
        var contenders = context.Sizes.Contenders;
        var result = new FigureResult(Figure, $"Contention: {contenders} simultaneous requests for one slot");
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = contenders, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = site.Api.BaseAddress,
            Timeout = TimeSpan.FromSeconds(120),
        };
        // Open the connections first, so the requests race for the slot and not for sockets.
        await Task.WhenAll(Enumerable.Range(0, contenders).Select(_ => client.GetAsync("/health/live")));

        var times = new List<double>();
        var firstAnswers = new List<double>();
        var cpu = new List<CpuUse>();
        var allRight = true;
        for (var run = 0; run < context.Sizes.Runs; run++)
        {
            var slot = site.Next();
            var requests = Enumerable.Range(0, contenders).Select(_ => Bookings.Post(slot)).ToArray();
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var answers = requests.Select(request => Task.Run(async () =>
            {
                await go.Task;
                using var response = await client.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                return (response.StatusCode, At: Stopwatch.GetTimestamp());
            })).ToArray();

            var meter = CpuMeter.Start(site.Api.Process);
            var start = Stopwatch.GetTimestamp();
            go.SetResult();
            var answered = await Task.WhenAll(answers);
            cpu.Add(meter.Stop());
            foreach (var request in requests)
                request.Dispose();

            times.Add((answered.Max(a => a.At) - start) * 1000.0 / Stopwatch.Frequency);
            firstAnswers.Add((answered.Min(a => a.At) - start) * 1000.0 / Stopwatch.Frequency);
            var created = answered.Count(a => a.StatusCode == HttpStatusCode.Created);
            var conflicts = answered.Count(a => a.StatusCode == HttpStatusCode.Conflict);
            allRight &= context.Checks.Require(created == 1 && conflicts == contenders - 1, Figure,
                $"run {run + 1}: exactly one of {contenders} requests for one slot got 201 and the other {contenders - 1} got 409 " +
                $"(got {created} × 201, {conflicts} × 409, {contenders - created - conflicts} other)");
            BenchContext.Log($"F4: run {run + 1}: all {contenders} answered in {times[^1]:N0} ms, {created} accepted");
        }

        var total = Spread.Of(times);
        result.Rows.Add(new FigureRow(Figure, $"contention, {contenders} requests for one slot",
            $"all answered in {total.Format()} ms (first after {Spread.Of(firstAnswers).Format()} ms), {total.Median / contenders:F2} ms per request",
            Target: "exactly one 201", Met: allRight));
        var use = CpuUse.Median(cpu);
        result.Bounds.Add(
            $"Contention: {use.Verdict("bound by the storage's locking, not CPU")} — {use.Describe()}; the losers are turned away by " +
            $"the open-slot check or, if they passed it together, by the slot holds' primary key, each attempted write waiting its turn: {context.Storage.WriteContention}.");
        return result;
    }
}
