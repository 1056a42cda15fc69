using Intake.Domain.Consultations;
using Intake.Domain.Data;
using Intake.Domain.Practices;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Intake.Worker.Dispatch;

/// <summary>
/// Claims the message by one atomic UPDATE (Pending and due, or Sending with a lapsed lease → Sending with a
/// fresh token), checks that it should still go out, waits for the channel's turn under its rate ceiling, sends
/// it, and records the outcome only while still holding that token. A duplicate or retried job finds nothing to
/// claim, so a message is handed to the provider once.
/// </summary>
/// <remarks>
/// Checked after the claim and before sending: not past its <see cref="OutboundMessage.NotAfter"/>; its request
/// still in a state the message makes sense for (<see cref="MessageRelevance"/>); a text not to a number that
/// opted out. A text that cannot go (opted out, or refused by Twilio for the number itself) becomes an email to
/// the prospect, when there is an address, in the same transaction that closes the text.
/// </remarks>
internal sealed partial class DispatchMessageHandler(
    IntakeDbContext db,
    IClock clock,
    ISmsSender sms,
    IEmailSender email,
    SendRateLimits limits,
    IOptions<DispatchOptions> options,
    IOptions<PracticeOptions> practice,
    ILogger<DispatchMessageHandler> logger) : IRequestHandler<DispatchMessage, DispatchResult>
{
    internal const string PastItsTime = "past its time";
    internal const string CallNoLongerStands = "call no longer stands";
    internal const string OptedOut = "opted out";

    public async Task<DispatchResult> Handle(DispatchMessage command, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var token = Guid.NewGuid();
        var leaseEnds = now + Duration.FromSeconds(options.Value.ClaimLeaseSeconds);
        var claimed = await db.Messages
            .Where(m => m.Id == command.Id)
            .Where(Claimable.At(now))
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, MessageStatus.Sending)
                .SetProperty(m => m.ClaimToken, token)
                .SetProperty(m => m.ClaimExpiresAt, leaseEnds)
                .SetProperty(m => m.QueueToken, (Guid?)null)
                .SetProperty(m => m.QueuedUntil, (Instant?)null)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        if (claimed == 0)
            return DispatchResult.NotClaimed;

        var message = await db.Messages.AsNoTracking().SingleAsync(m => m.Id == command.Id, cancellationToken);
        if (await StopBeforeSendingAsync(message, token, cancellationToken) is { } stopped)
            return stopped;

        SendOutcome outcome;
        using (var permit = await AcquirePermitAsync(message, token, cancellationToken))
        {
            if (permit.Waited)
            {
                // Time passed while waiting for the turn: the lease may have run out and another job taken the
                // message, the call may have been cancelled, the message may have passed its time.
                if (!await RenewClaimAsync(message.Id, token))
                {
                    permit.NotUsed();
                    return DispatchResult.NotClaimed;
                }

                if (await StopBeforeSendingAsync(message, token, cancellationToken) is { } stoppedWhileWaiting)
                {
                    permit.NotUsed();
                    return stoppedWhileWaiting;
                }
            }

            outcome = message.Channel == ContactChannel.Sms
                ? await sms.SendAsync(new TextToSend(message.Id, message.Recipient, message.Body), cancellationToken)
                : await email.SendAsync(new EmailToSend(message.Id, message.Recipient, message.Subject ?? string.Empty, message.Body, message.CalendarInvite), cancellationToken);
        }

        var finished = clock.GetCurrentInstant();
        var mine = Mine(message.Id, token);
        switch (outcome)
        {
            case SendOutcome.Accepted accepted:
                await mine.ExecuteUpdateAsync(set => set
                    .SetProperty(m => m.Status, MessageStatus.Sent)
                    .SetProperty(m => m.SentAt, finished)
                    .SetProperty(m => m.ProviderMessageId, accepted.ProviderMessageId)
                    .SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.ProviderErrorCode, (int?)null)
                    .SetProperty(m => m.ClaimExpiresAt, (Instant?)null), CancellationToken.None);
                LogSent(message.Id, message.Kind, message.Channel, message.Attempts);
                return DispatchResult.Sent;

            case SendOutcome.Transient transient when message.Attempts < options.Value.MaxAttempts:
                var retryAt = finished + RetryDelay(message.Attempts);
                var transientCode = transient.ProviderErrorCode;
                await mine.ExecuteUpdateAsync(set => set
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
                var request = await LoadRequestAsync(message, CancellationToken.None);
                await CloseAsync(message, token, MessageStatus.Failed, refused.Reason, refused.ProviderErrorCode,
                    EmailInsteadOf(message, request, finished), optOut: refused.Recipient == RecipientRefusal.OptedOut);
                LogFailed(message.Id, refused.Reason);
                return DispatchResult.Failed;

            default:
                var reason = outcome is SendOutcome.Permanent permanent ? permanent.Reason
                    : $"gave up after {message.Attempts} attempts: {((SendOutcome.Transient)outcome).Reason}";
                var code = outcome switch
                {
                    SendOutcome.Permanent p => p.ProviderErrorCode,
                    SendOutcome.Transient t => t.ProviderErrorCode,
                    _ => null,
                };
                await mine.ExecuteUpdateAsync(set => set
                    .SetProperty(m => m.Status, MessageStatus.Failed)
                    .SetProperty(m => m.LastError, Truncate(reason))
                    .SetProperty(m => m.ProviderErrorCode, code)
                    .SetProperty(m => m.ClaimExpiresAt, (Instant?)null), CancellationToken.None);
                LogFailed(message.Id, reason);
                return DispatchResult.Failed;
        }
    }

    /// <summary>The checks between the claim and the send; a result when the message is not to be sent.</summary>
    private async Task<DispatchResult?> StopBeforeSendingAsync(OutboundMessage message, Guid token, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        if (message.NotAfter is { } notAfter && now > notAfter)
        {
            await CloseAsync(message, token, MessageStatus.Cancelled, PastItsTime);
            LogWithdrawn(message.Id, PastItsTime);
            return DispatchResult.Cancelled;
        }

        var request = await LoadRequestAsync(message, cancellationToken);
        if (message.ConsultationRequestId is not null && (request is null || !MessageRelevance.StillStands(message.Kind, request.Status)))
        {
            await CloseAsync(message, token, MessageStatus.Cancelled, CallNoLongerStands);
            LogWithdrawn(message.Id, CallNoLongerStands);
            return DispatchResult.Cancelled;
        }

        if (message.Channel == ContactChannel.Sms
            && await db.SmsOptOuts.AnyAsync(o => o.Phone == message.Recipient, cancellationToken))
        {
            var instead = EmailInsteadOf(message, request, now);
            await CloseAsync(message, token, instead is null ? MessageStatus.Failed : MessageStatus.Cancelled, OptedOut, fallback: instead);
            LogWithdrawn(message.Id, OptedOut);
            return instead is null ? DispatchResult.Failed : DispatchResult.Cancelled;
        }

        return null;
    }

    private async Task<SendPermit> AcquirePermitAsync(OutboundMessage message, Guid token, CancellationToken cancellationToken)
    {
        try
        {
            return await limits.AcquireAsync(message.Channel, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Shutting down while waiting for a turn: nothing was sent, so give the message back at once rather
            // than leave it Sending until its lease runs out.
            await Mine(message.Id, token).ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, MessageStatus.Pending)
                .SetProperty(m => m.Attempts, m => m.Attempts - 1)
                .SetProperty(m => m.ClaimToken, (Guid?)null)
                .SetProperty(m => m.ClaimExpiresAt, (Instant?)null), CancellationToken.None);
            throw;
        }
    }

    /// <summary>Extends the lease if the claim is still ours; false when another job has taken the message since.</summary>
    private async Task<bool> RenewClaimAsync(MessageId id, Guid token)
    {
        var leaseEnds = clock.GetCurrentInstant() + Duration.FromSeconds(options.Value.ClaimLeaseSeconds);
        return await Mine(id, token)
            .Where(m => m.Status == MessageStatus.Sending)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.ClaimExpiresAt, leaseEnds), CancellationToken.None) == 1;
    }

    private Task<RequestFacts?> LoadRequestAsync(OutboundMessage message, CancellationToken cancellationToken) =>
        message.ConsultationRequestId is { } requestId
            ? db.ConsultationRequests.AsNoTracking()
                .Where(r => r.Id == requestId)
                .Select(r => new RequestFacts(r.Status, r.Prospect.Phone, r.Prospect.Email))
                .SingleOrDefaultAsync(cancellationToken)
            : Task.FromResult<RequestFacts?>(null);

    /// <summary>
    /// The email that replaces a text to the prospect who cannot take texts, or null when the text was not to the
    /// prospect's number or they gave no address. It says what the text said, keeps its time limit, and is due now.
    /// </summary>
    private OutboundMessage? EmailInsteadOf(OutboundMessage text, RequestFacts? request, Instant now)
    {
        if (request is null || request.Phone != text.Recipient || string.IsNullOrWhiteSpace(request.Email))
            return null;
        var body = text.Body.EndsWith(StopHint, StringComparison.Ordinal) ? text.Body[..^StopHint.Length] : text.Body;
        return OutboundMessage.Email(text.ConsultationRequestId, text.Kind, request.Email, $"A message from {practice.Value.Name}", body, now)
            .Scheduled(now, text.NotAfter);
    }

    private const string StopHint = " Reply STOP to opt out.";

    /// <summary>
    /// Records the end of a message we hold, and in the same transaction the email that replaces it and the
    /// number's opt-out, if any. Nothing is written when the claim is no longer ours.
    /// </summary>
    private async Task CloseAsync(
        OutboundMessage message, Guid token, MessageStatus status, string reason, int? providerErrorCode = null,
        OutboundMessage? fallback = null, bool optOut = false)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var closed = await Mine(message.Id, token).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Status, status)
            .SetProperty(m => m.LastError, Truncate(reason))
            .SetProperty(m => m.ProviderErrorCode, m => providerErrorCode ?? m.ProviderErrorCode)
            .SetProperty(m => m.ClaimExpiresAt, (Instant?)null), CancellationToken.None);
        if (closed == 0)
            return;

        if (fallback is not null)
        {
            db.Messages.Add(fallback);
            LogEmailInstead(message.Id, fallback.Id);
        }

        if (optOut && !await db.SmsOptOuts.AnyAsync(o => o.Phone == message.Recipient, CancellationToken.None))
            db.SmsOptOuts.Add(SmsOptOut.For(message.Recipient, clock.GetCurrentInstant()));
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }

    private IQueryable<OutboundMessage> Mine(MessageId id, Guid token) =>
        db.Messages.Where(m => m.Id == id && m.ClaimToken == token);

    private Duration RetryDelay(int attempts)
    {
        var seconds = options.Value.RetryBaseSeconds * Math.Pow(2, Math.Max(0, attempts - 1));
        return Duration.FromSeconds(Math.Min(seconds, 3600));
    }

    private static string Truncate(string reason) => reason.Length <= 200 ? reason : reason[..200];

    private sealed record RequestFacts(ConsultationStatus Status, string Phone, string Email);

    [LoggerMessage(LogLevel.Information, "Message {MessageId} ({Kind}, {Channel}) sent on attempt {Attempt}")]
    private partial void LogSent(MessageId messageId, MessageKind kind, ContactChannel channel, int attempt);

    [LoggerMessage(LogLevel.Warning, "Message {MessageId} failed transiently on attempt {Attempt} ({Reason}); retrying later")]
    private partial void LogRetry(MessageId messageId, int attempt, string reason);

    [LoggerMessage(LogLevel.Warning, "Message {MessageId} failed permanently ({Reason})")]
    private partial void LogFailed(MessageId messageId, string reason);

    [LoggerMessage(LogLevel.Information, "Message {MessageId} not sent: {Reason}")]
    private partial void LogWithdrawn(MessageId messageId, string reason);

    [LoggerMessage(LogLevel.Information, "Message {MessageId} replaced by email {FallbackId}")]
    private partial void LogEmailInstead(MessageId messageId, MessageId fallbackId);
}
