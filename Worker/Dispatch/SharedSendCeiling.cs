using System.Linq.Expressions;
using Intake.Domain.Consultations;
using Intake.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Intake.Worker.Dispatch;

/// <summary>
/// Dispatch:MaxPerSecondSms/Email for every Worker on one shared database together (ADR 009): N token rows per
/// channel in SendTokens. A send takes a free token by one conditional UPDATE (free, and available since a second
/// after its last call finished — or held by a Worker whose hold has run out), and gives it back when its call has
/// finished, available again a second later. It is <see cref="SendRateLimiter"/>'s guarantee moved into the
/// database: of any N+1 calls two used one token, the later started a second after the earlier finished, so no
/// one-second window at the provider sees more than N, however many Workers there are.
/// </summary>
/// <remarks>
/// Token times come from each Worker's <see cref="TimeProvider"/> (pacing, not business time), so the machines'
/// clocks must agree (NTP) to well under a second. Within one process one job at a time asks the database for a
/// token per channel; the others wait their turn in memory, so waiting costs the database one query per poll, not
/// one per job.
/// </remarks>
internal sealed partial class SharedSendCeiling(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<DispatchOptions> options, ILogger<SharedSendCeiling> logger) : IDisposable
{
    private static readonly Duration Window = Duration.FromSeconds(1);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan ShortestPoll = TimeSpan.FromMilliseconds(10);

    private readonly SemaphoreSlim _smsTurn = new(1, 1);
    private readonly SemaphoreSlim _emailTurn = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ContactChannel, bool> _seeded = new();

    public async Task<SendPermit> AcquireAsync(ContactChannel channel, CancellationToken cancellationToken)
    {
        var perSecond = channel == ContactChannel.Sms ? options.Value.MaxPerSecondSms : options.Value.MaxPerSecondEmail;
        if (perSecond <= 0)
            return SendPermit.None;

        var turn = channel == ContactChannel.Sms ? _smsTurn : _emailTurn;
        await turn.WaitAsync(cancellationToken);
        try
        {
            var waited = false;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            await SeedAsync(db, channel, perSecond, cancellationToken);
            while (true)
            {
                var holder = Guid.NewGuid();
                if (await TryTakeAsync(db, channel, perSecond, holder, cancellationToken) is { } taken)
                    return new SendPermit(used => GiveBackAsync(channel, taken.Slot, holder, used ? null : taken.AvailableAt), waited);
                waited = true;
                await Task.Delay(await PollDelayAsync(db, channel, perSecond, cancellationToken), time, cancellationToken);
            }
        }
        finally
        {
            turn.Release();
        }
    }

    private Instant Now() => Instant.FromDateTimeOffset(time.GetUtcNow());

    /// <summary>Tries each token that looks free, oldest first; the conditional UPDATE decides, so two Workers never take one token.</summary>
    private async Task<SendToken?> TryTakeAsync(IntakeDbContext db, ContactChannel channel, int perSecond, Guid holder, CancellationToken cancellationToken)
    {
        var now = Now();
        var abandoned = now - Window;
        var heldUntil = now + Duration.FromSeconds(options.Value.ClaimLeaseSeconds);
        var candidates = await db.Set<SendToken>().AsNoTracking()
            .Where(t => t.Channel == channel && t.Slot < perSecond)
            .Where(Takeable(now, abandoned))
            .OrderBy(t => t.AvailableAt)
            .ToListAsync(cancellationToken);
        foreach (var candidate in candidates)
        {
            var slot = candidate.Slot;
            var taken = await db.Set<SendToken>()
                .Where(t => t.Channel == channel && t.Slot == slot)
                .Where(Takeable(now, abandoned))
                .ExecuteUpdateAsync(set => set
                    .SetProperty(t => t.HolderToken, holder)
                    .SetProperty(t => t.HeldUntil, heldUntil), cancellationToken);
            if (taken == 1)
                return candidate;
        }

        return null;
    }

    /// <summary>Free and available again, or held by a Worker whose hold ran out more than a second ago.</summary>
    private static Expression<Func<SendToken, bool>> Takeable(Instant now, Instant abandoned) =>
        t => (t.HolderToken == null && t.AvailableAt <= now) || (t.HolderToken != null && t.HeldUntil <= abandoned);

    /// <summary>Until the soonest token is free again, read from the table, within 10–250 ms.</summary>
    private async Task<TimeSpan> PollDelayAsync(IntakeDbContext db, ContactChannel channel, int perSecond, CancellationToken cancellationToken)
    {
        var soonest = await db.Set<SendToken>().AsNoTracking()
            .Where(t => t.Channel == channel && t.Slot < perSecond && t.HolderToken == null)
            .OrderBy(t => t.AvailableAt)
            .Select(t => (Instant?)t.AvailableAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (soonest is not { } at)
            return ShortestPoll * 5;
        var delay = (at - Now()).ToTimeSpan() + TimeSpan.FromMilliseconds(1);
        return delay < ShortestPoll ? ShortestPoll : delay > LongestPoll ? LongestPoll : delay;
    }

    /// <summary>
    /// The call has finished: the token is free again a second from now. A token taken but not used goes back as it
    /// was. Written even while shutting down; if even that fails, the hold runs out by itself.
    /// </summary>
    private async Task GiveBackAsync(ContactChannel channel, int slot, Guid holder, Instant? unusedAvailableAt)
    {
        try
        {
            var availableAt = unusedAvailableAt ?? Now() + Window;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            await db.Set<SendToken>()
                .Where(t => t.Channel == channel && t.Slot == slot && t.HolderToken == holder)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(t => t.HolderToken, (Guid?)null)
                    .SetProperty(t => t.HeldUntil, (Instant?)null)
                    .SetProperty(t => t.AvailableAt, availableAt), CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogGiveBackFailed(channel, slot, exception.GetType().Name);
        }
    }

    /// <summary>Makes sure tokens 0 … N−1 exist; two Workers adding the same one at once: the key keeps one, the other is ignored.</summary>
    private async Task SeedAsync(IntakeDbContext db, ContactChannel channel, int perSecond, CancellationToken cancellationToken)
    {
        if (_seeded.ContainsKey(channel))
            return;
        var existing = await db.Set<SendToken>().Where(t => t.Channel == channel).Select(t => t.Slot).ToListAsync(cancellationToken);
        foreach (var slot in Enumerable.Range(0, perSecond).Except(existing))
        {
            try
            {
                db.Set<SendToken>().Add(SendToken.Free(channel, slot, Now()));
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another Worker added it first.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        _seeded[channel] = true;
    }

    public void Dispose()
    {
        _smsTurn.Dispose();
        _emailTurn.Dispose();
    }

    [LoggerMessage(LogLevel.Warning, "Giving back {Channel} send token {Slot} failed ({Error}); it is free again when its hold runs out")]
    private partial void LogGiveBackFailed(ContactChannel channel, int slot, string error);
}
