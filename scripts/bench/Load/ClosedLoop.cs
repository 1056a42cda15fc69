using System.Diagnostics;

namespace Intake.Bench.Load;

/// <summary>
/// N workers, each starting its next operation as soon as its last one finished, for a fixed time: the load a
/// pool of N connections puts on a server. Every operation's latency is kept; an operation that answers false
/// (wrong status, wrong body) or throws counts as a failure.
/// </summary>
internal static class ClosedLoop
{
    public static async Task<LoadRun> RunAsync(int workers, TimeSpan duration, Func<int, Task<bool>> operation)
    {
        var latencies = new List<long>[workers];
        var failures = new int[workers];
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var tasks = Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            var own = latencies[worker] = new List<long>(4096);
            while (Stopwatch.GetTimestamp() < end)
            {
                var began = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await operation(worker);
                }
                catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException or System.Data.Common.DbException)
                {
                    ok = false;
                }

                own.Add(Stopwatch.GetTimestamp() - began);
                if (!ok)
                    failures[worker]++;
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var all = latencies.SelectMany(l => l).ToArray();
        return new LoadRun(all.Length, failures.Sum(), elapsed, all);
    }
}
