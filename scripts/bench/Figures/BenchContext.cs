using System.Diagnostics;
using Intake.Bench.Hosts;
using Intake.Bench.Report;
using Intake.Bench.Storage;

namespace Intake.Bench.Figures;

/// <summary>What every figure works with: the sizes, the engine, the hosts, the checks and the peak memory seen.</summary>
internal sealed class BenchContext(BenchOptions options, IBenchStorage storage, IntakeHosts hosts, string scratchFolder)
{
    public BenchOptions Options { get; } = options;

    public BenchSizes Sizes => Options.Sizes;

    public IBenchStorage Storage { get; } = storage;

    public IntakeHosts Hosts { get; } = hosts;

    public string ScratchFolder { get; } = scratchFolder;

    public Checks Checks { get; } = new();

    /// <summary>Peak working set (VmHWM) of each host process, by host and the figure it served.</summary>
    public List<(string Host, string Figure, long Bytes)> PeakMemory { get; } = [];

    /// <summary>The median cost of one commit on the booking database (see <see cref="CommitProbe"/>), once measured.</summary>
    public double? CommitMs { get; set; }

    public void RecordPeak(HostProcess host, string figure) => PeakMemory.Add((host.Name, figure, host.PeakWorkingSetBytes()));

    private static readonly Stopwatch SinceStart = Stopwatch.StartNew();

    public static TimeSpan Elapsed => SinceStart.Elapsed;

    public static void Log(string line) => Console.WriteLine($"[{SinceStart.Elapsed.TotalSeconds,6:F1} s] {line}");
}
