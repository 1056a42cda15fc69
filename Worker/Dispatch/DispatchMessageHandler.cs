using Intake.Domain.Consultations;
using Intake.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Intake.Worker.Dispatch;

/// <summary>
/// Claims the message by one atomic UPDATE (Pending and due, or Sending with a lapsed lease → Sending with a
/// fresh token), sends it, and records the outcome only while still holding that token. A duplicate or
/// retried job finds nothing to claim, so a message is handed to the provider once.
/// </summary>
internal sealed partial class DispatchMessageHandler(
    IntakeDbContext db,
    IClock clock,
    ISmsSender sms,
    IEmailSender email,
    IOptions<DispatchOptions> options,
    ILogger<DispatchMessageHandler> logger) : IRequestHandler<DispatchMessage, DispatchResult>
{
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
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        if (claimed == 0)
            return DispatchResult.NotClaimed;

        var message = await db.Messages.AsNoTracking().SingleAsync(m => m.Id == command.Id, cancellationToken);
        var outcome = message.Channel == ContactChannel.Sms
            ? await sms.SendAsync(new TextToSend(message.Id, message.Recipient, message.Body), cancellationToken)
            : await email.SendAsync(new EmailToSend(message.Id, message.Recipient, message.Subject ?? string.Empty, message.Body, message.CalendarInvite), cancellationToken);

        var finished = clock.GetCurrentInstant();
        var mine = db.Messages.Where(m => m.Id == command.Id && m.ClaimToken == token);
        switch (outcome)
        {
            case SendOutcome.Accepted accepted:
                await mine.ExecuteUpdateAsync(set => set
                    .SetProperty(m => m.Status, MessageStatus.Sent)
                    .SetProperty(m => m.SentAt, finished)
                    .SetProperty(m => m.ProviderMessageId, accepted.ProviderMessageId)
                    .SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.ClaimExpiresAt, (Instant?)null), CancellationToken.None);
                LogSent(message.Id, message.Kind, message.Channel, message.Attempts);
                return DispatchResult.Sent;

            case SendOutcome.Transient transient when message.Attempts < options.Value.MaxAttempts:
                var retryAt = finished + RetryDelay(message.Attempts);
                await mine.ExecuteUpdateAsync(set => set
                    .SetProperty(m => m.Status, MessageStatus.Pending)
                    .SetProperty(m => m.DueAt, retryAt)
                    .SetProperty(m => m.LastError, Truncate(transient.Reason))
                    .SetProperty(m => m.ClaimToken, (Guid?)null)
                    .SetProperty(m => m.ClaimExpiresAt, (Instant?)null), CancellationToken.None);
                LogRetry(message.Id, message.Attempts, transient.Reason);
                return DispatchResult.RetryLater;

            default:
                var reason = outcome is SendOutcome.Permanent permanent ? permanent.Reason
                    : $"gave up after {message.Attempts} attempts: {((SendOutcome.Transient)outcome).Reason}";
                await mine.ExecuteUpdateAsync(set => set
                    .SetProperty(m => m.Status, MessageStatus.Failed)
                    .SetProperty(m => m.LastError, Truncate(reason))
                    .SetProperty(m => m.ClaimExpiresAt, (Instant?)null), CancellationToken.None);
                LogFailed(message.Id, reason);
                return DispatchResult.Failed;
        }
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

    [LoggerMessage(LogLevel.Warning, "Message {MessageId} failed permanently ({Reason})")]
    private partial void LogFailed(MessageId messageId, string reason);
}
