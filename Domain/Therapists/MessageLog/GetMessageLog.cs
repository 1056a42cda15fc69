using Intake.Domain.Consultations;
using Intake.Domain.Consultations.Changes;
using Intake.Domain.Data;
using Intake.Domain.Messages;
using MediatR;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Intake.Domain.Therapists.MessageLog;

/// <summary>
/// Every message about one request the therapist may see, oldest first: what it was, how it went and when.
/// Never a body or an address: the log shows that a message went, not what it said. Null when the request is
/// missing or another therapist's (unless <paramref name="AsAdmin"/>: the practice's administrator reads what
/// <see cref="TherapistVisibility.VisibleToAdmin"/> allows).
/// </summary>
public sealed record GetMessageLog(string TherapistId, ConsultationRequestId Id, bool AsAdmin = false) : IRequest<IReadOnlyList<MessageLogEntry>?>;

public sealed record MessageLogEntry(
    MessageId Id,
    MessageKind Kind,
    ContactChannel Channel,
    MessageStatus Status,
    string? DeliveryStatus,
    int Attempts,
    Instant CreatedAt,
    Instant DueAt,
    Instant? SentAt,
    Instant? DeliveryUpdatedAt,
    string? ProviderMessageId,
    int? ProviderErrorCode,
    string? LastError);

internal sealed class GetMessageLogHandler(IntakeDbContext db) : IRequestHandler<GetMessageLog, IReadOnlyList<MessageLogEntry>?>
{
    public async Task<IReadOnlyList<MessageLogEntry>?> Handle(GetMessageLog query, CancellationToken cancellationToken)
    {
        var visible = await db.ConsultationRequests.AsNoTracking()
            .Where(r => r.Id == query.Id)
            .Where(TherapistVisibility.Readable(query.TherapistId, query.AsAdmin))
            .AnyAsync(cancellationToken);
        if (!visible)
            return null;
        return await db.Messages.AsNoTracking()
            .Where(m => m.ConsultationRequestId == query.Id)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.DueAt)
            .Select(m => new MessageLogEntry(
                m.Id, m.Kind, m.Channel, m.Status, m.DeliveryStatus, m.Attempts, m.CreatedAt, m.DueAt, m.SentAt,
                m.DeliveryUpdatedAt, m.ProviderMessageId, m.ProviderErrorCode, m.LastError))
            .ToListAsync(cancellationToken);
    }
}
