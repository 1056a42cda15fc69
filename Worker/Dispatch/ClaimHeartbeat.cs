using Intake.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Intake.Worker.Dispatch;

/// <summary>
/// Keeps a claim alive while its job works on it (waiting for a turn, sending): every third of the lease it moves
/// the lease's end a full lease ahead, by an UPDATE that names the claim's token. A job that dies stops beating, and
/// its message is claimable once the last lease it set runs out; a live job's message never is, however slow the
/// send. The pacing is a <see cref="TimeProvider"/> timer; the lease itself is business time, from the clock.
/// </summary>
internal sealed partial class ClaimHeartbeat(
    IServiceScopeFactory scopes, IClock clock, TimeProvider time, IOptions<DispatchOptions> options, ILogger<ClaimHeartbeat> logger)
{
    public Beat Start(Claim claim) => new(this, claim.Id, claim.Token);

    private async Task BeatAsync(MessageId id, Guid token, CancellationToken stop)
    {
        var interval = options.Value.HeartbeatInterval;
        var lease = Duration.FromSeconds(options.Value.ClaimLeaseSeconds);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
                var leaseEnds = clock.GetCurrentInstant() + lease;
                var extended = await MessageClaims.Held(db, id, token)
                    .ExecuteUpdateAsync(set => set.SetProperty(m => m.ClaimExpiresAt, leaseEnds), CancellationToken.None);
                if (extended == 0)
                    return; // recorded meanwhile (a status report adopted it), or no longer ours
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogBeatFailed(id, exception.GetType().Name);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Extending the claim on message {MessageId} failed ({Error}); trying again next beat")]
    private partial void LogBeatFailed(MessageId messageId, string error);

    /// <summary>One claim's heartbeat; disposing it stops the beats (the record that follows ends the claim).</summary>
    internal sealed class Beat : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _beating;

        public Beat(ClaimHeartbeat heartbeat, MessageId id, Guid token) => _beating = heartbeat.BeatAsync(id, token, _stop.Token);

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _beating;
            _stop.Dispose();
        }
    }
}
