using System.Diagnostics;
using System.Text;

namespace Intake.Tests.Support;

/// <summary>The real Worker or Api as a separate process (`dotnet Intake.Worker.dll`), which a test may SIGKILL.</summary>
internal sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process) => _process = process;

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public static HostProcess Worker(string workingDirectory, IReadOnlyDictionary<string, string?> settings) =>
        Start(TestPaths.WorkerDll, [], workingDirectory, settings);

    /// <summary>The Api listening on <paramref name="url"/> (http://127.0.0.1:port); wait for <see cref="WaitUntilReadyAsync"/>.</summary>
    public static HostProcess Api(string url, string workingDirectory, IReadOnlyDictionary<string, string?> settings) =>
        Start(ApiCommand.ApiDll, ["--urls", url], workingDirectory, settings);

    /// <summary>http://127.0.0.1:port on a port free at the moment of asking.</summary>
    public static string FreeLocalUrl()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return $"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}";
    }

    /// <summary>Polls GET /health/ready on an Api process until it answers 200.</summary>
    public async Task WaitUntilReadyAsync(string url, TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The process exited ({_process.ExitCode}):\n{Output}");
            try
            {
                using var ready = await client.GetAsync("/health/ready");
                if (ready.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Not ready after {timeout}:\n{Output}");
    }

    private static HostProcess Start(string dll, string[] args, string workingDirectory, IReadOnlyDictionary<string, string?> settings)
    {
        var process = new Process { StartInfo = StartInfo(dll, args, workingDirectory, settings) };
        var host = new HostProcess(process);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>`dotnet {dll} {args}` in production settings, with each setting as an environment variable (':' as '__').</summary>
    public static ProcessStartInfo StartInfo(string dll, string[] args, string workingDirectory, IReadOnlyDictionary<string, string?> settings)
    {
        if (!File.Exists(dll))
            throw new FileNotFoundException("Build the hosts before the tests.", dll);
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

        return start;
    }

    /// <summary>Waits for the process to end by itself; its exit code, or null if it still runs after <paramref name="timeout"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no chance to finish what it was doing.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }
}
