using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Intake.Bench.Hosts;

/// <summary>Starts the Release builds of the Api and the Worker on a figure's database and waits until they serve.</summary>
internal sealed class IntakeHosts(string repositoryRoot, string scratchFolder)
{
    private string ApiDll => Path.Combine(repositoryRoot, "Api", "bin", "Release", "net10.0", "Intake.Api.dll");

    private string WorkerDll => Path.Combine(repositoryRoot, "Worker", "bin", "Release", "net10.0", "Intake.Worker.dll");

    /// <summary>The Api on a free port with the bench baselines mapped; returns once /health/ready answers 200.</summary>
    public async Task<ApiHost> StartApiAsync(IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var all = new Dictionary<string, string>(settings) { ["Bench:Baselines"] = "true" };
        var process = HostProcess.Start("Api", ApiDll, WorkingFolder("api"), all, "--urls", $"http://127.0.0.1:{port}");
        var api = new ApiHost(process, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await api.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            return api;
        }
        catch
        {
            api.Dispose();
            throw;
        }
    }

    /// <summary>The Worker; returns once its host has started (migrations applied, Hangfire server and scanner running).</summary>
    public async Task<HostProcess> StartWorkerAsync(IReadOnlyDictionary<string, string> settings)
    {
        var process = HostProcess.Start("Worker", WorkerDll, WorkingFolder("worker"), settings);
        try
        {
            await process.WaitForOutputAsync("Application started", TimeSpan.FromSeconds(60));
            return process;
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    private string WorkingFolder(string name)
    {
        var folder = Path.Combine(scratchFolder, name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A running Api process and its address.</summary>
internal sealed class ApiHost(HostProcess process, Uri baseAddress) : IDisposable
{
    public HostProcess Process { get; } = process;

    public Uri BaseAddress { get; } = baseAddress;

    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (Process.HasExited)
                throw new InvalidOperationException($"The Api exited while starting:{Environment.NewLine}{Process.RecentOutput}");
            try
            {
                using var ready = await client.GetAsync("/health/ready");
                if (ready.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (waited.Elapsed > timeout)
                throw new TimeoutException($"The Api was not ready within {timeout.TotalSeconds:N0} s:{Environment.NewLine}{Process.RecentOutput}");
            await Task.Delay(200);
        }
    }

    public void Dispose() => Process.Dispose();
}
