using System.Collections.Concurrent;
using NodaTime;

namespace Intake.Worker.Dispatch;

/// <summary>
/// Remembers which messages this process has already handed to a job, so a scan does not queue the same id
/// again while its job waits. Only an economy: the job's claim is what makes sending happen once.
/// An entry older than the claim lease is forgotten, so a job lost with the in-memory storage is queued again.
/// </summary>
internal sealed class DispatchTracker
{
    private readonly ConcurrentDictionary<MessageId, Instant> _queued = new();

    public bool TryQueue(MessageId id, Instant now, Duration lease)
    {
        while (true)
        {
            if (_queued.TryAdd(id, now))
                return true;
            if (!_queued.TryGetValue(id, out var since) || now - since < lease)
                return false;
            if (_queued.TryUpdate(id, now, since))
                return true;
        }
    }

    public void Done(MessageId id) => _queued.TryRemove(id, out _);
}
