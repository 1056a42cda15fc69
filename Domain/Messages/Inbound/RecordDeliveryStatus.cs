using Intake.Domain.Consultations;
using Intake.Domain.Data;
using Intake.Domain.Practices;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Intake.Domain.Messages.Inbound;

/// <summary>A provider's delivery report (a Twilio status callback) for the message it knows by <paramref name="ProviderMessageId"/>.</summary>
/// <param name="ProviderMessageId">Twilio's MessageSid.</param>
/// <param name="Status">Twilio's MessageStatus: queued, sending, sent, delivered, undelivered, failed ...</param>
/// <param name="ErrorCode">Twilio's ErrorCode, when it gave one (30003 unreachable, 21610 opted out ...).</param>
/// <param name="About">Our message id, from the callback URL (?m=): lets a report adopt a text whose sender died before recording it.</param>
public sealed record RecordDeliveryStatus(string? ProviderMessageId, string? Status, int? ErrorCode, MessageId? About = null)
    : IRequest<DeliveryStatusOutcome>;

/// <summary>What a delivery report did.</summary>
public enum DeliveryStatusOutcome
{
    /// <summary>The message's delivery status moved forward to the one reported.</summary>
    Recorded,

    /// <summary>The message already had this status or a later one (a duplicate or a late report): nothing changed.</summary>
    AlreadyRecorded,

    /// <summary>No message has that provider id: nothing changed.</summary>
    UnknownMessage,

    /// <summary>A status this list does not rank: nothing changed.</summary>
    UnknownStatus,
}

/// <summary>
/// Keeps the furthest status reported for a message, whatever order the reports come in. The rank check is in the
/// UPDATE's WHERE clause, so two reports racing for one message cannot move it backwards: the database serialises
/// them and the lower one matches no row.
/// </summary>
/// <remarks>
/// A text reported undelivered or failed for a reason about the number itself (30003 unreachable, 30005, 30006,
/// 21610 opted out ...; <see cref="TextFallback.RefusalFor"/>) is followed by the same words by email where the
/// prospect gave an address, as a refusal at send time is: written in the same transaction as the report, and only by
/// the report that moved the status to its final rank, so a repeated callback adds no second email.
/// </remarks>
internal sealed class RecordDeliveryStatusHandler(IntakeDbContext db, IClock clock, IOptions<PracticeOptions> practice)
    : IRequestHandler<RecordDeliveryStatus, DeliveryStatusOutcome>
{
    public async Task<DeliveryStatusOutcome> Handle(RecordDeliveryStatus report, CancellationToken cancellationToken)
    {
        var sid = report.ProviderMessageId?.Trim();
        if (string.IsNullOrEmpty(sid))
            return DeliveryStatusOutcome.UnknownMessage;
        if (DeliveryStatuses.Normalise(report.Status) is not { } status)
        {
            return await db.Messages.AnyAsync(m => m.ProviderMessageId == sid, cancellationToken)
                ? DeliveryStatusOutcome.UnknownStatus
                : DeliveryStatusOutcome.UnknownMessage;
        }

        var below = DeliveryStatuses.Below(status);
        var now = clock.GetCurrentInstant();
        if (report.About is { } about)
            await AdoptAsync(about, sid, now, cancellationToken);
        var errorCode = report.ErrorCode;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var updated = await db.Messages
            .Where(m => m.ProviderMessageId == sid && (m.DeliveryStatus == null || below.Contains(m.DeliveryStatus)))
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.DeliveryStatus, status)
                .SetProperty(m => m.DeliveryUpdatedAt, (Instant?)now)
                .SetProperty(m => m.ProviderErrorCode, m => errorCode ?? m.ProviderErrorCode),
                cancellationToken);
        if (updated > 0)
        {
            if (DeliveryStatuses.IsUndelivered(status) && TextFallback.RefusalFor(errorCode) is not RecipientRefusal.None and var refusal)
                await ReachByEmailInsteadAsync(sid, refusal, errorCode, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return DeliveryStatusOutcome.Recorded;
        }

        await transaction.CommitAsync(cancellationToken);

        return await db.Messages.AnyAsync(m => m.ProviderMessageId == sid, cancellationToken)
            ? DeliveryStatusOutcome.AlreadyRecorded
            : DeliveryStatusOutcome.UnknownMessage;
    }

    /// <summary>The text with this provider id did not reach the number: the same words by email, where there is an address.</summary>
    private async Task ReachByEmailInsteadAsync(string sid, RecipientRefusal refusal, int? errorCode, Instant now, CancellationToken cancellationToken)
    {
        var text = await db.Messages.AsNoTracking()
            .SingleOrDefaultAsync(m => m.ProviderMessageId == sid && m.Channel == ContactChannel.Sms, cancellationToken);
        if (text?.ConsultationRequestId is not { } requestId)
            return;
        var prospect = await db.ConsultationRequests.AsNoTracking()
            .Where(r => r.Id == requestId)
            .Select(r => new { r.Prospect.Phone, r.Prospect.Email })
            .SingleOrDefaultAsync(cancellationToken);
        if (TextFallback.EmailInsteadOf(text, prospect?.Phone, prospect?.Email, practice.Value.Name, now) is not { } email)
            return;

        var note = $"undelivered (code {errorCode}); sent by email instead";
        await db.Messages.Where(m => m.Id == text.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.LastError, note), cancellationToken);
        db.Messages.Add(email);
        if (refusal == RecipientRefusal.OptedOut)
            await SmsOptOut.AddUnlessStoredAsync(db, text.Recipient, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Twilio has the text, so it was sent: a row that does not know its provider id yet takes it now, and one
    /// still Sending (its job may have died after Twilio answered, or its send timed out and it waits for this report)
    /// becomes Sent, so no lapsed claim and no retry after the wait resends it.
    /// </summary>
    private Task<int> AdoptAsync(MessageId about, string sid, Instant now, CancellationToken cancellationToken) =>
        db.Messages
            .Where(m => m.Id == about && m.ProviderMessageId == null && m.Channel == ContactChannel.Sms)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.ProviderMessageId, sid)
                .SetProperty(m => m.SentAt, m => m.Status == MessageStatus.Sending ? now : m.SentAt)
                .SetProperty(m => m.LastError, m => m.Status == MessageStatus.Sending ? null : m.LastError)
                .SetProperty(m => m.ClaimExpiresAt, m => m.Status == MessageStatus.Sending ? null : m.ClaimExpiresAt)
                .SetProperty(m => m.Status, m => m.Status == MessageStatus.Sending ? MessageStatus.Sent : m.Status),
                cancellationToken);
}
