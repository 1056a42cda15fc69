using System.Diagnostics;

namespace Intake.Bench.Load;

/// <summary>One measured run of a closed loop: how many operations finished, how many failed, and each one's latency.</summary>
internal sealed class LoadRun(int completed, int failed, TimeSpan elapsed, long[] latencyTicks)
{
    private readonly long[] _sorted = latencyTicks.Order().ToArray();

    public int Completed { get; } = completed;

    public int Failed { get; } = failed;

    public TimeSpan Elapsed { get; } = elapsed;

    /// <summary>Successful operations per second.</summary>
    public double PerSecond => (Completed - Failed) / Elapsed.TotalSeconds;

    /// <summary>The latency below which <paramref name="percent"/>% of operations finished, in milliseconds (nearest rank).</summary>
    public double PercentileMs(double percent)
    {
        if (_sorted.Length == 0)
            return double.NaN;
        var rank = (int)Math.Ceiling(percent / 100 * _sorted.Length) - 1;
        return _sorted[Math.Clamp(rank, 0, _sorted.Length - 1)] * 1000.0 / Stopwatch.Frequency;
    }
}
