using Hangfire;
using Intake.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Intake.Worker.Dispatch;

/// <summary>
/// Looks for due messages every poll interval and queues a dispatch job for each. Because it starts from the
/// database, whatever was pending when the Worker stopped is picked up when it starts again.
/// </summary>
/// <remarks>
/// A scan that fills its batch (<see cref="QueuedMessages.Full"/>: it queued as many as the backlog had room for,
/// or the backlog was already full) looks again after <see cref="BacklogPoll"/>, not a whole interval later:
/// waiting the interval after every batch capped dispatch at BatchSize per interval (200 a second by default),
/// however fast the jobs ran. A scan that queued everything due waits the interval.
/// </remarks>
internal sealed partial class DueMessageScanner(
    IServiceScopeFactory scopes,
    IBackgroundJobClient jobs,
    IOptions<DispatchOptions> options,
    IOptions<StorageOptions> storage,
    ILogger<DueMessageScanner> logger) : BackgroundService
{
    /// <summary>How soon a scan that filled its batch looks again (or the interval, if that is shorter).</summary>
    internal static readonly TimeSpan BacklogPoll = TimeSpan.FromMilliseconds(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.PollIntervalSeconds);
        var soon = interval < BacklogPoll ? interval : BacklogPoll;
        var lease = Duration.FromSeconds(options.Value.ClaimLeaseSeconds);
        var forgotten = storage.Value.SharesJobs;
        while (!stoppingToken.IsCancellationRequested)
        {
            var full = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (!forgotten)
                    forgotten = await ForgetLostJobsAsync(scope.ServiceProvider.GetRequiredService<IntakeDbContext>(), stoppingToken);
                var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
                var queued = await mediator.Send(new QueueDueMessages(options.Value.BatchSize, lease), stoppingToken);
                foreach (var id in queued.Ids)
                    jobs.Enqueue<DispatchMessageJob>(job => job.RunAsync(id.Value, CancellationToken.None));
                full = queued.Full;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogScanFailed(exception.GetType().Name);
            }

            try
            {
                await Task.Delay(full ? soon : interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// With in-memory job storage this is the only Worker, and the jobs a previous run had queued died with it:
    /// their messages are queued again now rather than when their marks run out.
    /// </summary>
    private static async Task<bool> ForgetLostJobsAsync(IntakeDbContext db, CancellationToken cancellationToken)
    {
        await db.Messages.Where(m => m.QueuedUntil != null).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.QueueToken, (Guid?)null)
            .SetProperty(m => m.QueuedUntil, (Instant?)null), cancellationToken);
        return true;
    }

    [LoggerMessage(LogLevel.Warning, "Scanning for due messages failed ({Error}); trying again next interval")]
    private partial void LogScanFailed(string error);
}
