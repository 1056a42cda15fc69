using System.Diagnostics;
using System.Globalization;

namespace Intake.Bench.Hosts;

/// <summary>
/// One of Intake's hosts (the Api or the Worker) as its own process, started from its Release build with
/// configuration in environment variables, the way an operator runs it. Keeps its recent output for diagnosis.
/// </summary>
internal sealed class HostProcess : IDisposable
{
    private const int KeptLines = 200;
    private readonly Process _process;
    private readonly Queue<string> _recent = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _waits = [];

    private HostProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>"running", or how it ended, for a failure message.</summary>
    public string State => _process.HasExited ? $"exited with code {_process.ExitCode}" : "running";

    public static HostProcess Start(string name, string dll, string workingDirectory, IReadOnlyDictionary<string, string> settings, params string[] args)
    {
        if (!File.Exists(dll))
            throw new FileNotFoundException($"Build Intake in Release first (scripts/bench.sh does): {dll} is missing.", dll);
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        var process = new Process { StartInfo = start };
        var host = new HostProcess(name, process);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>The last lines the host wrote, for a failure message.</summary>
    public string RecentOutput
    {
        get
        {
            lock (_recent)
                return string.Join(Environment.NewLine, _recent);
        }
    }

    /// <summary>Waits until the host writes a line containing <paramref name="text"/>, or fails after the timeout or on exit.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_recent)
        {
            if (_recent.Any(line => line.Contains(text, StringComparison.Ordinal)))
                return;
            _waits.Add((text, seen));
        }

        var deadline = Stopwatch.StartNew();
        while (!seen.Task.IsCompleted)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"{Name} exited ({_process.ExitCode}) before writing \"{text}\":{Environment.NewLine}{RecentOutput}");
            if (deadline.Elapsed > timeout)
                throw new TimeoutException($"{Name} did not write \"{text}\" within {timeout.TotalSeconds:N0} s:{Environment.NewLine}{RecentOutput}");
            await Task.WhenAny(seen.Task, Task.Delay(100));
        }
    }

    /// <summary>Total CPU time the process has used so far (user and system).</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.HasExited ? TimeSpan.Zero : _process.TotalProcessorTime;
    }

    /// <summary>The process's peak resident set so far (VmHWM in /proc/PID/status), in bytes; 0 once it has exited.</summary>
    public long PeakWorkingSetBytes()
    {
        var status = $"/proc/{_process.Id}/status";
        if (_process.HasExited || !File.Exists(status))
            return 0;
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_recent)
        {
            _recent.Enqueue(line);
            if (_recent.Count > KeptLines)
                _recent.Dequeue();
            foreach (var wait in _waits.Where(w => line.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                wait.Seen.TrySetResult();
                _waits.Remove(wait);
            }
        }
    }
}
