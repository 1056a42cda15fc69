using System.Linq.Expressions;
using Intake.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Intake.Worker.Dispatch;

/// <summary>
/// Marks up to <paramref name="Limit"/> claimable messages (due, or left Sending by a job whose lease ran out),
/// oldest first, as queued until <paramref name="Lease"/> from now, and returns their ids for jobs. The mark is one
/// atomic UPDATE, so when several Workers scan at once each message goes to one of them; messages already queued
/// count against the limit, which keeps the job store's backlog short.
/// </summary>
public sealed record QueueDueMessages(int Limit, Duration Lease) : IRequest<QueuedMessages>;

/// <summary>The ids to hand to jobs; <paramref name="Full"/> when the limit was reached, so more may be due.</summary>
public sealed record QueuedMessages(IReadOnlyList<MessageId> Ids, bool Full);

internal sealed class QueueDueMessagesHandler(IntakeDbContext db, IClock clock)
    : IRequestHandler<QueueDueMessages, QueuedMessages>
{
    public async Task<QueuedMessages> Handle(QueueDueMessages command, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var waiting = await db.Messages.CountAsync(m => m.QueuedUntil > now, cancellationToken);
        var room = command.Limit - waiting;
        if (room <= 0)
            return new QueuedMessages([], Full: true);

        var token = Guid.NewGuid();
        var until = now + command.Lease;
        var due = db.Messages
            .Where(Claimable.At(now))
            .Where(NotQueued(now))
            .OrderBy(m => m.DueAt)
            .Take(room)
            .Select(m => m.Id);
        var marked = await db.Messages
            .Where(m => due.Contains(m.Id))
            .Where(NotQueued(now))
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.QueueToken, token)
                .SetProperty(m => m.QueuedUntil, until), cancellationToken);
        if (marked == 0)
            return new QueuedMessages([], Full: false);

        var ids = await db.Messages
            .Where(m => m.QueuedUntil == until && m.QueueToken == token)
            .Select(m => m.Id)
            .ToListAsync(cancellationToken);
        return new QueuedMessages(ids, Full: marked == room);
    }

    private static Expression<Func<OutboundMessage, bool>> NotQueued(Instant now) =>
        m => m.QueuedUntil == null || m.QueuedUntil <= now;
}
