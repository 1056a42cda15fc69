using Intake.Domain.Consultations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Intake.Tests.Support;

/// <summary>
/// Makes concurrent changes to consultation requests really meet: once told to expect N saves, each save of a
/// changed request waits until all N have arrived (each has read the request and made its change), then all go on
/// together, in an order left to chance. Without it two HTTP requests sent at once may still run one after the
/// other, and a race test would prove nothing. A save that waits longer than <see cref="Patience"/> fails, so a change refused before saving
/// shows as a failed test, not a hang. Between races the gate is open.
/// </summary>
internal sealed class SaveGate : SaveChangesInterceptor
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly Lock _lock = new();
    private int _expected;
    private int _arrived;
    private TaskCompletionSource _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The next <paramref name="saves"/> saves of a changed request wait for one another.</summary>
    public void Expect(int saves)
    {
        lock (_lock)
        {
            _expected = saves;
            _arrived = 0;
            _allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context
            || !context.ChangeTracker.Entries<ConsultationRequest>().Any(entry => entry.State == EntityState.Modified))
            return result;

        Task allArrived;
        lock (_lock)
        {
            if (_expected == 0)
                return result;
            allArrived = _allArrived.Task;
            if (++_arrived == _expected)
            {
                _expected = 0;
                _allArrived.TrySetResult();
            }
        }

        await allArrived.WaitAsync(Patience, cancellationToken);
        // Which goes first is left to chance, so that every side of a race gets to win in some rounds.
        await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 4)), cancellationToken);
        return result;
    }
}
