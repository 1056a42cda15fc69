using Intake.Domain.Consultations;
using Intake.Domain.Data;
using Intake.Domain.Practices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Intake.Worker.Dispatch;

/// <summary>
/// Step 4, record: writes what became of a claimed message, only while the claim is still ours and the row still
/// Sending (a status report may have adopted it as Sent meanwhile; then nothing is overwritten).
/// </summary>
/// <remarks>
/// Accepted → Sent. Transient → Pending again after a backoff, until MaxAttempts, then Failed with the reason.
/// Unknown (the provider may have it) → left Sending, unclaimed, until UnknownOutcomeWaitSeconds have passed, so the
/// provider's status report can adopt it; then it is claimed and tried once more; a second unknown outcome is
/// Failed. A permanent refusal of the number itself → Failed, and the same words by email where there is an address.
/// </remarks>
internal sealed partial class RecordOutcome(
    IntakeDbContext db, IClock clock, MessageClaims claims, IOptions<DispatchOptions> options, IOptions<PracticeOptions> practice,
    ILogger<RecordOutcome> logger)
{
    public async Task<DispatchResult> RecordAsync(Claim claim, SendOutcome outcome, RequestFacts? request)
    {
        var message = claim.Message;
        var finished = clock.GetCurrentInstant();
        var settings = options.Value;
        var held = claims.Held(claim);
        switch (outcome)
        {
            case SendOutcome.Accepted accepted:
                await held.ExecuteUpdateAsync(set => set
                    .SetProperty(m => m.Status, MessageStatus.Sent)
                    .SetProperty(m => m.SentAt, finished)
                    .SetProperty(m => m.ProviderMessageId, accepted.ProviderMessageId)
                    .SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.ProviderErrorCode, (int?)null)
                    .SetProperty(m => m.ClaimExpiresAt, (Instant?)null), CancellationToken.None);
                LogSent(message.Id, message.Kind, message.Channel, message.Attempts);
                return DispatchResult.Sent;

            case SendOutcome.Unknown unknown when message.OutcomeUnknownAt is null && message.Attempts < settings.MaxAttempts:
                var waitEnds = finished + Duration.FromSeconds(settings.UnknownOutcomeWaitSeconds);
                var waiting = Truncate($"outcome unknown, waiting for the provider's report: {unknown.Reason}");
                await held.ExecuteUpdateAsync(set => set
                    .SetProperty(m => m.OutcomeUnknownAt, finished)
                    .SetProperty(m => m.LastError, waiting)
                    .SetProperty(m => m.ClaimToken, (Guid?)null)
                    .SetProperty(m => m.ClaimExpiresAt, waitEnds), CancellationToken.None);
                LogUnknown(message.Id, message.Attempts, unknown.Reason);
                return DispatchResult.OutcomeUnknown;

            case SendOutcome.Transient transient when message.Attempts < settings.MaxAttempts:
                var retryAt = finished + RetryDelay(message.Attempts);
                var transientCode = transient.ProviderErrorCode;
                await held.ExecuteUpdateAsync(set => set
                    .SetProperty(m => m.Status, MessageStatus.Pending)
                    .SetProperty(m => m.DueAt, retryAt)
                    .SetProperty(m => m.LastError, Truncate(transient.Reason))
                    .SetProperty(m => m.ProviderErrorCode, transientCode)
                    .SetProperty(m => m.ClaimToken, (Guid?)null)
                    .SetProperty(m => m.ClaimExpiresAt, (Instant?)null), CancellationToken.None);
                LogRetry(message.Id, message.Attempts, transient.Reason);
                return DispatchResult.RetryLater;

            case SendOutcome.Permanent { Recipient: not RecipientRefusal.None } refused when message.Channel == ContactChannel.Sms:
                // The number itself cannot take our texts: the person may still be reached by email.
                var instead = TextFallback.EmailInsteadOf(message, request?.Phone, request?.Email, practice.Value.Name, finished);
                await CloseAsync(claim, new Decision.Withdraw(MessageStatus.Failed, refused.Reason, instead, refused.Recipient == RecipientRefusal.OptedOut),
                    refused.ProviderErrorCode);
                return DispatchResult.Failed;

            default:
                var reason = outcome switch
                {
                    SendOutcome.Permanent p => p.Reason,
                    SendOutcome.Unknown u when message.OutcomeUnknownAt is not null => $"no answer from the provider twice: {u.Reason}",
                    SendOutcome.Unknown u => $"gave up after {message.Attempts} attempts: {u.Reason}",
                    SendOutcome.Transient t => $"gave up after {message.Attempts} attempts: {t.Reason}",
                    _ => outcome.ToString(),
                };
                var code = outcome switch
                {
                    SendOutcome.Permanent p => p.ProviderErrorCode,
                    SendOutcome.Transient t => t.ProviderErrorCode,
                    _ => null,
                };
                await held.ExecuteUpdateAsync(set => set
                    .SetProperty(m => m.Status, MessageStatus.Failed)
                    .SetProperty(m => m.LastError, Truncate(reason))
                    .SetProperty(m => m.ProviderErrorCode, code)
                    .SetProperty(m => m.ClaimExpiresAt, (Instant?)null), CancellationToken.None);
                LogFailed(message.Id, reason);
                return DispatchResult.Failed;
        }
    }

    /// <summary>
    /// Closes a message not sent, and in the same transaction adds the email that replaces it and the number's
    /// opt-out, if any. Nothing is written when the claim is no longer ours.
    /// </summary>
    public async Task<DispatchResult> CloseAsync(Claim claim, Decision.Withdraw withdraw, int? providerErrorCode = null)
    {
        var message = claim.Message;
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var reason = Truncate(withdraw.Reason);
        var closed = await claims.Held(claim).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Status, withdraw.Status)
            .SetProperty(m => m.LastError, reason)
            .SetProperty(m => m.ProviderErrorCode, m => providerErrorCode ?? m.ProviderErrorCode)
            .SetProperty(m => m.ClaimExpiresAt, (Instant?)null), CancellationToken.None);
        if (closed == 0)
            return DispatchResult.NotClaimed;

        if (withdraw.Instead is { } fallback)
        {
            db.Messages.Add(fallback);
            LogEmailInstead(message.Id, fallback.Id);
        }

        if (withdraw.OptOut)
            await SmsOptOut.AddUnlessStoredAsync(db, message.Recipient, clock.GetCurrentInstant(), CancellationToken.None);
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);

        if (withdraw.Status == MessageStatus.Failed)
        {
            LogFailed(message.Id, withdraw.Reason);
            return DispatchResult.Failed;
        }

        LogWithdrawn(message.Id, withdraw.Reason);
        return DispatchResult.Cancelled;
    }

    /// <summary>Pending again, due when the recipient's quiet hours end; this claim does not count as an attempt.</summary>
    public async Task<DispatchResult> DeferAsync(Claim claim, Instant until)
    {
        var deferred = await claims.Held(claim).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Status, MessageStatus.Pending)
            .SetProperty(m => m.DueAt, until)
            .SetProperty(m => m.Attempts, m => m.Attempts - 1)
            .SetProperty(m => m.ClaimToken, (Guid?)null)
            .SetProperty(m => m.ClaimExpiresAt, (Instant?)null), CancellationToken.None);
        if (deferred == 0)
            return DispatchResult.NotClaimed;
        LogDeferred(claim.Id, until);
        return DispatchResult.Deferred;
    }

    private Duration RetryDelay(int attempts)
    {
        var seconds = options.Value.RetryBaseSeconds * Math.Pow(2, Math.Max(0, attempts - 1));
        return Duration.FromSeconds(Math.Min(seconds, 3600));
    }

    private static string Truncate(string reason) => reason.Length <= 200 ? reason : reason[..200];

    [LoggerMessage(LogLevel.Information, "Message {MessageId} ({Kind}, {Channel}) sent on attempt {Attempt}")]
    private partial void LogSent(MessageId messageId, MessageKind kind, ContactChannel channel, int attempt);

    [LoggerMessage(LogLevel.Warning, "Message {MessageId} failed transiently on attempt {Attempt} ({Reason}); retrying later")]
    private partial void LogRetry(MessageId messageId, int attempt, string reason);

    [LoggerMessage(LogLevel.Warning, "Message {MessageId}: no answer on attempt {Attempt} ({Reason}); waiting for the provider's report before one retry")]
    private partial void LogUnknown(MessageId messageId, int attempt, string reason);

    [LoggerMessage(LogLevel.Warning, "Message {MessageId} failed permanently ({Reason})")]
    private partial void LogFailed(MessageId messageId, string reason);

    [LoggerMessage(LogLevel.Information, "Message {MessageId} not sent: {Reason}")]
    private partial void LogWithdrawn(MessageId messageId, string reason);

    [LoggerMessage(LogLevel.Information, "Message {MessageId} waits for the end of the recipient's quiet hours, {Until}")]
    private partial void LogDeferred(MessageId messageId, Instant until);

    [LoggerMessage(LogLevel.Information, "Message {MessageId} replaced by email {FallbackId}")]
    private partial void LogEmailInstead(MessageId messageId, MessageId fallbackId);
}
