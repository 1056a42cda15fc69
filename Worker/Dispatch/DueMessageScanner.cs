using Hangfire;
using MediatR;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Intake.Worker.Dispatch;

/// <summary>
/// Looks for due messages every poll interval and queues a dispatch job for each. Because it starts from the
/// database, whatever was pending when the Worker stopped is picked up when it starts again.
/// </summary>
internal sealed partial class DueMessageScanner(
    IServiceScopeFactory scopes,
    IBackgroundJobClient jobs,
    DispatchTracker tracker,
    IClock clock,
    IOptions<DispatchOptions> options,
    ILogger<DueMessageScanner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.PollIntervalSeconds);
        var lease = Duration.FromSeconds(options.Value.ClaimLeaseSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
                var due = await mediator.Send(new FindDueMessages(options.Value.BatchSize), stoppingToken);
                var now = clock.GetCurrentInstant();
                foreach (var id in due.Where(id => tracker.TryQueue(id, now, lease)))
                    jobs.Enqueue<DispatchMessageJob>(job => job.RunAsync(id.Value, CancellationToken.None));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogScanFailed(exception.GetType().Name);
            }

            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Scanning for due messages failed ({Error}); trying again next interval")]
    private partial void LogScanFailed(string error);
}
