using Hangfire;
using MediatR;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Intake.Worker.Dispatch;

/// <summary>
/// Looks for due messages every poll interval and queues a dispatch job for each. Because it starts from the
/// database, whatever was pending when the Worker stopped is picked up when it starts again.
/// </summary>
/// <remarks>
/// A scan that queues new jobs and finds a whole batch due looks again after <see cref="BacklogPoll"/>, not a whole
/// interval later: waiting the interval after every batch capped dispatch at BatchSize per interval (200 a second
/// by default), however fast the jobs ran. A scan that finds only what is already queued waits the interval, so a
/// backlog held back by a rate ceiling costs no extra queries.
/// </remarks>
internal sealed partial class DueMessageScanner(
    IServiceScopeFactory scopes,
    IBackgroundJobClient jobs,
    DispatchTracker tracker,
    IClock clock,
    IOptions<DispatchOptions> options,
    ILogger<DueMessageScanner> logger) : BackgroundService
{
    /// <summary>How soon a scan that queued a full batch looks again (or the interval, if that is shorter).</summary>
    internal static readonly TimeSpan BacklogPoll = TimeSpan.FromMilliseconds(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.PollIntervalSeconds);
        var soon = interval < BacklogPoll ? interval : BacklogPoll;
        var lease = Duration.FromSeconds(options.Value.ClaimLeaseSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var moreDue = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
                var due = await mediator.Send(new FindDueMessages(options.Value.BatchSize), stoppingToken);
                var now = clock.GetCurrentInstant();
                var queued = 0;
                foreach (var id in due.Where(id => tracker.TryQueue(id, now, lease)))
                {
                    jobs.Enqueue<DispatchMessageJob>(job => job.RunAsync(id.Value, CancellationToken.None));
                    queued++;
                }

                moreDue = queued > 0 && due.Count == options.Value.BatchSize;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogScanFailed(exception.GetType().Name);
            }

            try
            {
                await Task.Delay(moreDue ? soon : interval, stoppingToken);
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
