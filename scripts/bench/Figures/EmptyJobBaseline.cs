using System.Diagnostics;
using Hangfire;
using Intake.Domain;
using Intake.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Bench.Figures;

/// <summary>
/// The dispatch baseline: Hangfire alone running empty jobs, in this process, on the job storage the Worker's own
/// registration picks for the configuration (in-memory on the embedded default) and with as many workers.
/// </summary>
internal sealed class EmptyJobBaseline : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly BackgroundJobServer _server;
    private readonly IBackgroundJobClient _client;

    public EmptyJobBaseline(IConfiguration configuration)
    {
        // The domain's services too: the storage options the job storage may be chosen from are registered there.
        _services = new ServiceCollection().AddLogging().AddIntakeDomain(configuration).AddIntakeWorker(configuration).BuildServiceProvider();
        var storage = _services.GetRequiredService<JobStorage>();
        Workers = configuration.GetValue("Dispatch:Workers", 10);
        StorageName = storage.GetType().Name;
        _server = new BackgroundJobServer(new BackgroundJobServerOptions { WorkerCount = Workers }, storage);
        _client = new BackgroundJobClient(storage);
    }

    public int Workers { get; }

    public string StorageName { get; }

    /// <summary>Enqueues <paramref name="count"/> empty jobs and returns once all have run: from the first enqueue to the last completion.</summary>
    public async Task<TimeSpan> RunAsync(int count, TimeSpan timeout)
    {
        var target = EmptyJob.Completed + count;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
            _client.Enqueue(() => EmptyJob.Run());
        while (EmptyJob.Completed < target)
        {
            if (Stopwatch.GetElapsedTime(start) > timeout)
                throw new TimeoutException($"Hangfire ran {count - (target - EmptyJob.Completed)} of {count} empty jobs within {timeout.TotalSeconds:N0} s.");
            await Task.Delay(2);
        }

        return Stopwatch.GetElapsedTime(start);
    }

    public void Dispose()
    {
        _server.Dispose();
        _services.Dispose();
    }
}

/// <summary>The job that does nothing but count itself.</summary>
public static class EmptyJob
{
    private static long _completed;

    public static long Completed => Interlocked.Read(ref _completed);

    public static void Run() => Interlocked.Increment(ref _completed);
}
