using Intake.Domain.Consultations;
using Intake.Domain.Data;
using Intake.Domain.Messages.Calendar;
using Intake.Domain.Practices;
using Intake.Domain.Messages.Reminders;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Intake.Domain.Messages;

/// <summary>
/// The prospect hears that the therapist declined, with the therapist's note if any: in the text where it fits, else
/// in an email as well, which the text points to. A call
/// declined after it was confirmed had an invitation, so the email withdraws it (METHOD:CANCEL).
/// </summary>
internal sealed class QueueDeclineOnConsultationDeclined(IntakeDbContext db, IOptions<MessagingOptions> messaging, IOptions<PracticeOptions> practice, IConfiguration configuration)
    : INotificationHandler<ConsultationDeclined>
{
    public async Task Handle(ConsultationDeclined notification, CancellationToken cancellationToken)
    {
        var request = notification.Request;
        var prospect = request.Prospect;
        var at = request.SlotStart is { } start ? MessageTime.Format(start, prospect.TimeZone) : null;
        var (text, noteByEmail) = MessageTexts.DeclinedText(practice.Value, at, request.DeclineNote);
        var message = ProspectMessage.For(request, MessageKind.Declined, notification.At,
            () => text,
            () => MessageTexts.DeclinedEmail(practice.Value, at, request.DeclineNote), messaging.Value.QuietHours());
        if (message.Channel == ContactChannel.Sms && noteByEmail)
        {
            // The note is too long for the text, which says so: the email brings it, at the same hour as the text.
            var (subject, body) = MessageTexts.DeclinedEmail(practice.Value, at, request.DeclineNote);
            db.Messages.Add(OutboundMessage.Email(request.Id, MessageKind.Declined, prospect.Email, subject, body, notification.At)
                .NotBefore(message.DueAt));
        }

        if (message.Channel == ContactChannel.Email && request.Slot is not null && request.ConfirmedAt is not null)
        {
            var organizer = await InviteOrganizer.EmailAsync(configuration, db, request, cancellationToken);
            message.WithCalendarInvite(ConsultationInvite.Cancel(request, practice.Value.Name, organizer, notification.At));
        }

        db.Messages.Add(message);
    }
}
