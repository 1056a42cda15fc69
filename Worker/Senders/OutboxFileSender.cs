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

    /// <summary>An email's calendar invitation, when it has one, is written first, beside it: {id}.email.ics.</summary>
    public Task<SendOutcome> SendAsync(EmailToSend email, CancellationToken cancellationToken) =>
        WriteAsync(email.Id, "email", $"To: {email.To}\nSubject: {email.Subject}\n\n{email.Body}\n", cancellationToken, email.CalendarInvite);

    private async Task<SendOutcome> WriteAsync(
        MessageId id, string channel, string content, CancellationToken cancellationToken, string? calendarInvite = null)
    {
        var folder = Path.GetFullPath(options.Value.Directory);
        Directory.CreateDirectory(folder);
        if (calendarInvite is not null)
            await WriteFileAsync(Path.Combine(folder, $"{id}.{channel}.ics"), calendarInvite, cancellationToken);
        var path = Path.Combine(folder, $"{id}.{channel}.txt");
        await WriteFileAsync(path, content, cancellationToken);
        LogWritten(id, channel);
        return new SendOutcome.Accepted($"outbox:{Path.GetFileName(path)}");
    }

    /// <summary>Written beside, then moved: a reader never sees half a file.</summary>
    private static async Task WriteFileAsync(string path, string content, CancellationToken cancellationToken)
    {
        var partial = path + ".partial";
        await File.WriteAllTextAsync(partial, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
        File.Move(partial, path, overwrite: true);
    }

    [LoggerMessage(LogLevel.Information, "Message {MessageId} ({Channel}) written to the outbox")]
    private partial void LogWritten(MessageId messageId, string channel);
}
