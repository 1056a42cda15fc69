using Intake.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Intake.Worker.Dispatch;

/// <summary>The ids of messages that are due, or were left Sending by a job whose lease has run out, oldest first.</summary>
public sealed record FindDueMessages(int Limit) : IRequest<IReadOnlyList<MessageId>>;

internal sealed class FindDueMessagesHandler(IntakeDbContext db, IClock clock)
    : IRequestHandler<FindDueMessages, IReadOnlyList<MessageId>>
{
    public async Task<IReadOnlyList<MessageId>> Handle(FindDueMessages query, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        return await db.Messages
            .Where(Claimable.At(now))
            .OrderBy(m => m.DueAt)
            .Select(m => m.Id)
            .Take(query.Limit)
            .ToListAsync(cancellationToken);
    }
}
