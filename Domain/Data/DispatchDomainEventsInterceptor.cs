using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Intake.Domain.Data;

/// <summary>
/// Publishes the events of every aggregate (<see cref="IHasDomainEvents"/>) just before a save, so that whatever their handlers add (the messages a
/// change implies) is written in the same transaction as the change itself.
/// </summary>
internal sealed class DispatchDomainEventsInterceptor(IMediator mediator) : SaveChangesInterceptor
{
    /// <summary>
    /// A synchronous save cannot publish events (their handlers are asynchronous), so it is refused when there are any
    /// to publish. One with none goes through: Data Protection's key store saves a new key that way.
    /// </summary>
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        eventData.Context?.ChangeTracker.Entries<IHasDomainEvents>().Any(entry => entry.Entity.Events.Count > 0) == true
            ? throw new InvalidOperationException("Save with SaveChangesAsync: event handlers are asynchronous.")
            : result;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
            await PublishAsync(context, cancellationToken);
        return result;
    }

    private async Task PublishAsync(DbContext context, CancellationToken cancellationToken)
    {
        // Handlers may raise further events; loop until none are left.
        while (true)
        {
            var aggregates = context.ChangeTracker.Entries<IHasDomainEvents>()
                .Select(entry => entry.Entity)
                .Where(aggregate => aggregate.Events.Count > 0)
                .ToList();
            if (aggregates.Count == 0)
                return;
            foreach (var aggregate in aggregates)
            {
                var events = aggregate.Events.ToList();
                aggregate.ClearEvents();
                foreach (var @event in events)
                    await mediator.Publish(@event, cancellationToken);
            }
        }
    }
}
