using Intake.Domain.Consultations;

namespace Intake.Worker.Dispatch;

/// <summary>
/// Step 3, send: a turn under the channel's ceiling, then the one call to the provider. Whatever escapes a sender
/// (a bad address it could not parse, a bug) is an outcome like any other — a transient failure that counts an
/// attempt — so a message never stays Sending because its sender threw.
/// </summary>
internal sealed partial class SendMessage(ISmsSender sms, IEmailSender email, SendRateLimits limits, ILogger<SendMessage> logger)
{
    /// <summary>Waits for the channel's turn; cancelled only by <paramref name="cancellationToken"/> (shutting down).</summary>
    public Task<SendPermit> WaitForTurnAsync(OutboundMessage message, CancellationToken cancellationToken) =>
        limits.AcquireAsync(message.Channel, cancellationToken);

    public async Task<SendOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return message.Channel == ContactChannel.Sms
                ? await sms.SendAsync(new TextToSend(message.Id, message.Recipient, message.Body), cancellationToken)
                : await email.SendAsync(new EmailToSend(message.Id, message.Recipient, message.Subject ?? string.Empty, message.Body, message.CalendarInvite), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogSenderThrew(message.Id, exception.GetType().Name);
            return new SendOutcome.Transient($"sender failed ({exception.GetType().Name})");
        }
    }

    [LoggerMessage(LogLevel.Error, "Sending message {MessageId} threw {Error}; counted as a failed attempt")]
    private partial void LogSenderThrew(MessageId messageId, string error);
}
