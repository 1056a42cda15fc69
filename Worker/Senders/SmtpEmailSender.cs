using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Intake.Worker.Senders;

/// <summary>Email through SMTP with MailKit. A 5xx reply is permanent; 4xx replies and broken connections are retried.</summary>
internal sealed class SmtpEmailSender(IOptions<SmtpOptions> options) : IEmailSender
{
    public async Task<SendOutcome> SendAsync(EmailToSend email, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        // A stable Message-ID per message lets receiving systems drop a copy if a crash ever makes us resend.
        message.MessageId = $"{email.Id}@intake";
        message.Body = new TextPart("plain") { Text = email.Body };

        using var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            await client.ConnectAsync(settings.Host!, settings.Port, settings.Security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.Username))
                await client.AuthenticateAsync(settings.Username, settings.Password ?? string.Empty, cancellationToken);
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, CancellationToken.None);
            return new SendOutcome.Accepted(message.MessageId);
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
            return new SendOutcome.Transient($"smtp unreachable ({exception.GetType().Name})");
        }
    }
}
