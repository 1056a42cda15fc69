using Intake.Bench.Report;

namespace Intake.Bench.Figures;

/// <summary>Figure 6: the peak working set (VmHWM) of each Api and Worker process, read just before it was stopped.</summary>
internal static class MemoryFigure
{
    private const string Figure = "F6";

    public static FigureResult From(BenchContext context)
    {
        var result = new FigureResult(Figure, "Memory: peak working set of the hosts");
        foreach (var host in context.PeakMemory.GroupBy(p => p.Host))
        {
            var peak = host.MaxBy(p => p.Bytes);
            var each = string.Join("; ", host.Select(p => $"{p.Figure} {Mb(p.Bytes)}"));
            result.Rows.Add(new FigureRow(Figure, $"{host.Key} peak working set", $"{Mb(peak.Bytes)} ({each})"));
            result.Bounds.Add($"Memory, {host.Key}: its peak was reached during {peak.Figure}; one process per run, so it is one measurement, not a spread.");
        }

        context.Checks.Require(context.PeakMemory.Count > 0 && context.PeakMemory.All(p => p.Bytes > 0), Figure,
            $"a peak working set was read for every host process ({context.PeakMemory.Count} processes)");
        return result;
    }

    private static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:N0} MB";
}
