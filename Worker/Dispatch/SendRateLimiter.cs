using Intake.Domain.Consultations;

namespace Intake.Worker.Dispatch;

/// <summary>
/// A ceiling of N messages handed to one channel's provider in any one second, shared by every dispatch job of
/// this process. Waiting for a turn is pacing, not business time, so it is measured with a
/// <see cref="TimeProvider"/>'s monotonic timestamps, not the <c>IClock</c>.
/// </summary>
/// <remarks>
/// <para>
/// Why not System.Threading.RateLimiting: a fixed window lets 2N through across a window boundary, a segmented
/// sliding window or a token bucket bounds the *starts* only roughly, and all of them count at the moment a
/// permit is granted. The provider counts when requests *arrive*, and a request may arrive any time between its
/// start and its answer; a slow one followed by a fast one can arrive closer together than they started.
/// </para>
/// <para>
/// So here a permit is one of N tokens, and a token comes back only one second after the call that used it has
/// finished (answered, failed or timed out). Of any N+1 requests two used the same token, and the later one
/// started at least a second after the earlier one finished, hence arrived at least a second after the earlier
/// one arrived: no one-second window, wherever it is measured, holds more than N. Starts also keep to a grid 1/N s
/// apart, so the N are spread over the second instead of leaving in one burst (a long code's 1 per second is best
/// kept smooth); the grid is pacing only, the tokens are the guarantee. The price is throughput a little under N
/// per second (each token is out for a second plus its call).
/// </para>
/// <para>
/// This limiter is per process, which is the whole guarantee on SQLite (one Worker). On a shared database (the scaled
/// mode) every Worker takes the same tokens from the database instead (<see cref="SharedSendCeiling"/>, ADR 009).
/// </para>
/// </remarks>
internal sealed class SendRateLimiter : IDisposable
{
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _tokens;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly long _spacing;
    private readonly long _window;
    private long _nextStart;

    public SendRateLimiter(int perSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        _time = time;
        PerSecond = perSecond;
        _tokens = new SemaphoreSlim(perSecond, perSecond);
        _window = time.TimestampFrequency;
        _spacing = (time.TimestampFrequency + perSecond - 1) / perSecond;
        _nextStart = time.GetTimestamp();
    }

    public int PerSecond { get; }

    /// <summary>Waits for a turn (never fails for lack of one); cancelled only by the token.</summary>
    public async Task<SendPermit> AcquireAsync(CancellationToken cancellationToken)
    {
        var waited = false;
        if (!_tokens.Wait(0, CancellationToken.None))
        {
            waited = true;
            await _tokens.WaitAsync(cancellationToken);
        }

        try
        {
            await _turn.WaitAsync(cancellationToken);
            try
            {
                waited |= await DelayUntilAsync(_nextStart, cancellationToken);
                // Starts keep to a grid 1/N s apart: a timer that fired late does not push every later start back
                // with it (counting from the actual start lost some 3 sends a second at N = 50). After an idle spell
                // the grid restarts from now, so there is no burst to catch up.
                _nextStart = Math.Max(_nextStart, _time.GetTimestamp() - _spacing) + _spacing;
            }
            finally
            {
                _turn.Release();
            }
        }
        catch
        {
            _tokens.Release();
            throw;
        }

        return new SendPermit(used =>
        {
            if (used)
                ReturnAfterWindow();
            else
                ReturnNow();
            return Task.CompletedTask;
        }, waited);
    }

    /// <summary>The call made with the permit has finished: its token comes back a full second from now.</summary>
    internal void ReturnAfterWindow() => _ = ReturnLaterAsync(_time.GetTimestamp() + _window);

    /// <summary>No call was made with the permit: its token comes back at once.</summary>
    internal void ReturnNow() => _tokens.Release();

    private async Task ReturnLaterAsync(long at)
    {
        await DelayUntilAsync(at, CancellationToken.None);
        try
        {
            _tokens.Release();
        }
        catch (ObjectDisposedException)
        {
            // The process is shutting down; nobody is left to take the token.
        }
    }

    public void Dispose()
    {
        _tokens.Dispose();
        _turn.Dispose();
    }

    /// <summary>Waits until the timestamp is reached (timers may fire a little early, so it checks again).</summary>
    private async Task<bool> DelayUntilAsync(long timestamp, CancellationToken cancellationToken)
    {
        var waited = false;
        while (true)
        {
            var remaining = _time.GetElapsedTime(_time.GetTimestamp(), timestamp);
            if (remaining <= TimeSpan.Zero)
                return waited;
            waited = true;
            await Task.Delay(remaining + TimeSpan.FromMilliseconds(1), _time, cancellationToken);
        }
    }
}

/// <summary>
/// One turn to call a provider. Disposing it after the call starts the one-second wait before its token can be
/// used again; after <see cref="NotUsed"/> (no call was made) disposing gives the token back at once. A permit from
/// <see cref="None"/> (no ceiling configured) does nothing.
/// </summary>
internal sealed class SendPermit(Func<bool, Task>? giveBack, bool waited) : IAsyncDisposable
{
    public static SendPermit None { get; } = new(null, waited: false);

    private Func<bool, Task>? _giveBack = giveBack;
    private bool _used = true;

    /// <summary>True when the job had to wait for its turn: time passed since the checks before it.</summary>
    public bool Waited { get; } = waited;

    public void NotUsed() => _used = false;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _giveBack, null) is { } giveBack)
            await giveBack(_used);
    }
}

/// <summary>
/// The ceilings per channel (Dispatch:MaxPerSecondSms, Dispatch:MaxPerSecondEmail); 0 means no ceiling. One Twilio
/// sender (a long code) takes about one text a second. On SQLite one limiter each for the whole process; on a shared
/// database the tokens in the database, the same for every Worker.
/// </summary>
internal sealed class SendRateLimits(SendRateLimiter? sms, SendRateLimiter? email, SharedSendCeiling? shared = null) : IDisposable
{
    public SendRateLimiter? Sms { get; } = sms;

    public SendRateLimiter? Email { get; } = email;

    public static SendRateLimits From(DispatchOptions options, TimeProvider time, SharedSendCeiling? shared = null) => shared is not null
        ? new(null, null, shared)
        : new(options.MaxPerSecondSms > 0 ? new SendRateLimiter(options.MaxPerSecondSms, time) : null,
            options.MaxPerSecondEmail > 0 ? new SendRateLimiter(options.MaxPerSecondEmail, time) : null);

    public async Task<SendPermit> AcquireAsync(ContactChannel channel, CancellationToken cancellationToken)
    {
        if (shared is not null)
            return await shared.AcquireAsync(channel, cancellationToken);
        return (channel == ContactChannel.Sms ? Sms : Email) is { } limiter
            ? await limiter.AcquireAsync(cancellationToken)
            : SendPermit.None;
    }

    public void Dispose()
    {
        Sms?.Dispose();
        Email?.Dispose();
    }
}
