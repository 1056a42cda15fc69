using System.Net.Sockets;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Intake.Worker.Senders;

/// <summary>Email through SMTP with MailKit. A 5xx reply is permanent; 4xx replies and broken connections are retried.</summary>
internal sealed class SmtpEmailSender(IOptions<SmtpOptions> options) : IEmailSender
{
    private const string InviteFileName = "invite.ics";

    public async Task<SendOutcome> SendAsync(EmailToSend email, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        // A stable Message-ID per message: a retry after an unknown outcome carries the same one, so a receiving
        // system (or a person) can tell it is the same email and drop the copy.
        message.MessageId = MessageIdFor(email.Id);
        message.Body = email.CalendarInvite is { } invite ? WithInvite(email.Body, invite) : new TextPart("plain") { Text = email.Body };

        // The whole send, not only each read and write, ends within the timeout, which is shorter than the claim.
        var timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
        var handedOver = false;
        try
        {
            await client.ConnectAsync(settings.Host!, settings.Port, settings.Security, deadline.Token);
            if (!string.IsNullOrEmpty(settings.Username))
                await client.AuthenticateAsync(settings.Username, settings.Password ?? string.Empty, deadline.Token);
            handedOver = true;
            await client.SendAsync(message, deadline.Token);
        }
        catch (SmtpCommandException exception) when ((int)exception.StatusCode >= 500)
        {
            return new SendOutcome.Permanent($"smtp {(int)exception.StatusCode} ({exception.ErrorCode})");
        }
        catch (SmtpCommandException exception)
        {
            return new SendOutcome.Transient($"smtp {(int)exception.StatusCode} ({exception.ErrorCode})");
        }
        catch (Exception exception) when (exception is SmtpProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException
            or MailKit.Security.AuthenticationException or IOException or SocketException or TimeoutException
            || exception is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Before the message was handed over nothing can have been sent; once it was, the server may have taken it
            // without our hearing its answer.
            return handedOver
                ? new SendOutcome.Unknown($"smtp gave no answer ({exception.GetType().Name})")
                : new SendOutcome.Transient($"smtp unreachable ({exception.GetType().Name})");
        }

        try
        {
            await client.DisconnectAsync(quit: true, deadline.Token);
        }
        catch (Exception exception) when (exception is IOException or SocketException or SmtpProtocolException or OperationCanceledException)
        {
            // The server already accepted the message; a failed goodbye does not undo that.
        }

        return new SendOutcome.Accepted(message.MessageId);
    }

    /// <summary>The Message-ID every attempt at one message carries.</summary>
    internal static string MessageIdFor(MessageId id) => $"{id}@intake";

    /// <summary>
    /// multipart/mixed: the text, then the invitation as "invite.ics" (text/calendar; method=REQUEST or CANCEL, as the
    /// calendar says), which mail clients offer to add to, update in or remove from the calendar.
    /// </summary>
    private static Multipart WithInvite(string body, string invite)
    {
        var calendar = new TextPart("calendar")
        {
            Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(invite))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = InviteFileName },
            ContentTransferEncoding = ContentEncoding.Base64,
        };
        calendar.ContentType.Charset = "utf-8";
        calendar.ContentType.Name = InviteFileName;
        calendar.ContentType.Parameters.Add("method", MethodOf(invite));
        return new Multipart("mixed") { new TextPart("plain") { Text = body }, calendar };
    }

    /// <summary>The calendar's METHOD (REQUEST, CANCEL), which the text/calendar content type must repeat.</summary>
    private static string MethodOf(string invite)
    {
        using var reader = new StringReader(invite);
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("METHOD:", StringComparison.OrdinalIgnoreCase))
                return line["METHOD:".Length..].Trim().ToUpperInvariant();
        }

        return "REQUEST";
    }
}
