using System.Text;
using Microsoft.Extensions.Options;

namespace Intake.Worker.Senders;

/// <summary>
/// The development sink: each message becomes a readable file in the outbox folder, and one log line names
/// its id (never the recipient or the body).
/// </summary>
internal sealed partial class OutboxFileSender(IOptions<OutboxOptions> options, ILogger<OutboxFileSender> logger)
    : ISmsSender, IEmailSender
{
    public Task<SendOutcome> SendAsync(TextToSend text, CancellationToken cancellationToken) =>
        WriteAsync(text.Id, "sms", $"To: {text.To}\n\n{text.Body}\n", cancellationToken);

    public Task<SendOutcome> SendAsync(EmailToSend email, CancellationToken cancellationToken) =>
        WriteAsync(email.Id, "email", $"To: {email.To}\nSubject: {email.Subject}\n\n{email.Body}\n", cancellationToken);

    private async Task<SendOutcome> WriteAsync(MessageId id, string channel, string content, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(options.Value.Directory);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{id}.{channel}.txt");
        // Written beside, then moved: a reader never sees half a message.
        var partial = path + ".partial";
        await File.WriteAllTextAsync(partial, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
        File.Move(partial, path, overwrite: true);
        LogWritten(id, channel);
        return new SendOutcome.Accepted($"outbox:{Path.GetFileName(path)}");
    }

    [LoggerMessage(LogLevel.Information, "Message {MessageId} ({Channel}) written to the outbox")]
    private partial void LogWritten(MessageId messageId, string channel);
}
