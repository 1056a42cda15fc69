using System.Globalization;
using System.Runtime.InteropServices;

namespace Intake.Bench.Report;

/// <summary>Where the numbers were taken: cores, memory, OS, .NET.</summary>
internal static class MachineInfo
{
    public static string Describe()
    {
        var cpu = ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memoryKb = ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is { } line
            ? long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)
            : 0;
        var os = ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"')
            ?? RuntimeInformation.OSDescription;
        var kernel = ReadLines("/proc/sys/kernel/osrelease").FirstOrDefault() ?? "";
        return $"{Environment.ProcessorCount} cores ({cpu}), {memoryKb / 1024.0 / 1024.0:F1} GiB memory, {os} (Linux {kernel}), {RuntimeInformation.FrameworkDescription}";
    }

    private static string[] ReadLines(string path) => File.Exists(path) ? File.ReadAllLines(path) : [];
}
