using Intake.Domain.Consultations;
using NodaTime;

namespace Intake.Domain.Messages;

/// <summary>
/// One text or email, written in full when the change that causes it is saved, in the same transaction.
/// The database row is the truth: jobs carry only its id, and its status decides whether it may be sent.
/// </summary>
public sealed class OutboundMessage
{
    private OutboundMessage()
    {
        Recipient = Body = string.Empty;
    }

    public MessageId Id { get; private set; }

    /// <summary>The request the message is about; none for a therapist's daily agenda.</summary>
    public ConsultationRequestId? ConsultationRequestId { get; private set; }

    public MessageKind Kind { get; private set; }

    public ContactChannel Channel { get; private set; }

    /// <summary>E.164 number for a text, address for an email.</summary>
    public string Recipient { get; private set; }

    public string? Subject { get; private set; }

    public string Body { get; private set; }

    public MessageStatus Status { get; private set; }

    public Instant CreatedAt { get; private set; }

    /// <summary>Not to be sent before this instant.</summary>
    public Instant DueAt { get; private set; }

    /// <summary>Not to be sent after this instant (a reminder after its call has started is worse than none).</summary>
    public Instant? NotAfter { get; private set; }

    /// <summary>An iCalendar (.ics) invitation sent with an email, when the message carries one.</summary>
    public string? CalendarInvite { get; private set; }

    /// <summary>The provider's latest delivery report (Twilio: queued, sent, delivered, undelivered, failed).</summary>
    public string? DeliveryStatus { get; private set; }

    public Instant? DeliveryUpdatedAt { get; private set; }

    /// <summary>The provider's numeric error code, when it gave one (Twilio 21211, 21610, 30003 ...).</summary>
    public int? ProviderErrorCode { get; private set; }

    public int Attempts { get; private set; }

    public Guid? ClaimToken { get; private set; }

    public Instant? ClaimExpiresAt { get; private set; }

    /// <summary>Which Worker's scan handed the message to a job (cleared by the job's claim).</summary>
    public Guid? QueueToken { get; private set; }

    /// <summary>Until when no other scan hands it to a job: one job per message, however many Workers scan.</summary>
    public Instant? QueuedUntil { get; private set; }

    public Instant? SentAt { get; private set; }

    /// <summary>
    /// When an attempt ended without knowing whether the provider took the message (a timeout after the request went
    /// out). The row then waits in Sending for the provider's report, and is tried once more if none comes.
    /// </summary>
    public Instant? OutcomeUnknownAt { get; private set; }

    public string? ProviderMessageId { get; private set; }

    /// <summary>The provider's error code or a short reason; never a body or an address.</summary>
    public string? LastError { get; private set; }

    public static OutboundMessage Text(ConsultationRequestId? about, MessageKind kind, string phone, string body, Instant now) =>
        Create(about, kind, ContactChannel.Sms, phone, subject: null, body, now);

    public static OutboundMessage Email(ConsultationRequestId? about, MessageKind kind, string address, string subject, string body, Instant now) =>
        Create(about, kind, ContactChannel.Email, address, subject, body, now);

    /// <summary>Sends it later (a reminder, an agenda), and never after <paramref name="notAfter"/>.</summary>
    public OutboundMessage Scheduled(Instant dueAt, Instant? notAfter)
    {
        DueAt = dueAt;
        NotAfter = notAfter;
        return this;
    }

    /// <summary>Not sent before <paramref name="notBefore"/> (the end of the recipient's quiet hours); never earlier than it was due.</summary>
    public OutboundMessage NotBefore(Instant notBefore)
    {
        if (notBefore > DueAt)
            DueAt = notBefore;
        return this;
    }

    /// <summary>Sends the email with this iCalendar invitation attached.</summary>
    public OutboundMessage WithCalendarInvite(string ics)
    {
        CalendarInvite = ics;
        return this;
    }

    /// <summary>A message not yet claimed is withdrawn (its call was cancelled or moved); one already sending or sent is not.</summary>
    public bool Cancel()
    {
        if (Status != MessageStatus.Pending)
            return false;
        Status = MessageStatus.Cancelled;
        return true;
    }

    private static OutboundMessage Create(
        ConsultationRequestId? about, MessageKind kind, ContactChannel channel, string recipient, string? subject, string body, Instant now) =>
        new()
        {
            Id = MessageId.New(),
            ConsultationRequestId = about,
            Kind = kind,
            Channel = channel,
            Recipient = recipient,
            Subject = subject,
            Body = body,
            Status = MessageStatus.Pending,
            CreatedAt = now,
            DueAt = now,
        };
}
