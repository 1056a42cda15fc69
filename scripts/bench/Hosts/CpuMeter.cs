using System.Diagnostics;
using System.Globalization;

namespace Intake.Bench.Hosts;

/// <summary>
/// CPU used over one measured stretch by each host, by the database server (PostgreSQL's processes, part of what
/// is measured), by this benchmark process (load client, fake Twilio, in-process baselines) and by everything else
/// on the machine: the evidence for "bound by CPU" or not.
/// </summary>
internal sealed class CpuMeter
{
    private readonly HostProcess[] _hosts;
    private readonly TimeSpan[] _hostsAtStart;
    private readonly TimeSpan _benchAtStart;
    private readonly double _databaseAtStart;
    private readonly double _machineAtStart;
    private readonly long _startedAt;

    private CpuMeter(HostProcess[] hosts)
    {
        _hosts = hosts;
        _hostsAtStart = hosts.Select(h => h.CpuTime()).ToArray();
        _benchAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        _databaseAtStart = DatabaseServerSeconds();
        _machineAtStart = MachineBusySeconds();
        _startedAt = Stopwatch.GetTimestamp();
    }

    public static CpuMeter Start(params HostProcess[] hosts) => new(hosts);

    public CpuUse Stop()
    {
        var seconds = Stopwatch.GetElapsedTime(_startedAt).TotalSeconds;
        var hosts = _hosts.Select((h, i) => (h.Name, Cores: (h.CpuTime() - _hostsAtStart[i]).TotalSeconds / seconds))
            .GroupBy(h => h.Name)
            .ToDictionary(g => g.Key, g => g.Sum(h => h.Cores));
        var database = (DatabaseServerSeconds() - _databaseAtStart) / seconds;
        if (database > 0.005)
            hosts["PostgreSQL server"] = database;
        var bench = (Process.GetCurrentProcess().TotalProcessorTime - _benchAtStart).TotalSeconds / seconds;
        var machine = (MachineBusySeconds() - _machineAtStart) / seconds;
        return new CpuUse(hosts, bench, machine);
    }

    /// <summary>
    /// CPU time of the PostgreSQL server's processes (user and system, from /proc/PID/stat, USER_HZ = 100); a backend
    /// that ends between start and stop takes its time with it, but the hosts' pooled connections keep theirs.
    /// </summary>
    private static double DatabaseServerSeconds()
    {
        double ticks = 0;
        foreach (var stat in Directory.Exists("/proc") ? Directory.EnumerateDirectories("/proc") : [])
        {
            try
            {
                var line = File.ReadAllText(Path.Combine(stat, "stat"));
                var nameEnd = line.LastIndexOf(')');
                if (nameEnd < 0 || !line.AsSpan(0, nameEnd).EndsWith("(postgres", StringComparison.Ordinal))
                    continue;
                // After "(comm)": state is field 3; utime and stime are fields 14 and 15.
                var fields = line[(nameEnd + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // Not a process directory, or the process ended while being read.
            }
        }

        return ticks / 100.0;
    }

    /// <summary>Busy time of all cores since boot, from /proc/stat (USER_HZ = 100 on Linux).</summary>
    private static double MachineBusySeconds()
    {
        if (!File.Exists("/proc/stat"))
            return 0;
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal ...: busy is all but idle and iowait.
        var busy = fields.Take(8).Sum() - fields[3] - fields[4];
        return busy / 100.0;
    }
}

/// <summary>Cores kept busy, on average, by each host, by the benchmark process and by the rest of the machine.</summary>
internal sealed record CpuUse(IReadOnlyDictionary<string, double> Hosts, double Bench, double Machine)
{
    public double Others => Math.Max(0, Machine - Hosts.Values.Sum() - Bench);

    public double Host(string name) => Hosts.GetValueOrDefault(name);

    /// <summary>True when the machine's cores were nearly all busy: the figure is bound by CPU.</summary>
    public bool Saturated => Machine >= 0.85 * Environment.ProcessorCount;

    /// <summary>"bound by CPU" when the cores were nearly all busy (saying so when other processes took much of them), else <paramref name="otherwise"/>.</summary>
    public string Verdict(string otherwise) =>
        !Saturated ? otherwise
        : Others >= 0.25 * Environment.ProcessorCount ? "bound by CPU, a good part of it taken by other processes on the machine"
        : "bound by CPU";

    public string Describe() =>
        string.Join(", ", Hosts.Select(h => $"{h.Key} {h.Value:F2}"))
        + $", benchmark process {Bench:F2}, other processes {Others:F2} of {Environment.ProcessorCount} cores";

    public static CpuUse Median(IReadOnlyList<CpuUse> uses) => new(
        uses.SelectMany(u => u.Hosts.Keys).Distinct().ToDictionary(k => k, k => MedianOf(uses.Select(u => u.Host(k)))),
        MedianOf(uses.Select(u => u.Bench)),
        MedianOf(uses.Select(u => u.Machine)));

    private static double MedianOf(IEnumerable<double> values) => Report.Spread.Of(values).Median;
}
