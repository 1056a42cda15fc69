namespace Intake.Worker.Dispatch;

public sealed record TextToSend(MessageId Id, string To, string Body);

/// <summary>An email to send; <c>CalendarInvite</c> is an iCalendar invitation to attach (text/calendar), or null.</summary>
public sealed record EmailToSend(MessageId Id, string To, string Subject, string Body, string? CalendarInvite = null);

/// <summary>Sends a text. Twilio in production, a folder of files in development.</summary>
public interface ISmsSender
{
    Task<SendOutcome> SendAsync(TextToSend text, CancellationToken cancellationToken);
}

/// <summary>Sends an email. SMTP in production, a folder of files in development.</summary>
public interface IEmailSender
{
    Task<SendOutcome> SendAsync(EmailToSend email, CancellationToken cancellationToken);
}
