using Intake.Domain.Consultations;
using Intake.Domain.Data;
using Intake.Domain.Practices;
using MediatR;
using Microsoft.Extensions.Options;

namespace Intake.Domain.Messages;

/// <summary>The prospect hears that the therapist declined; the therapist's note, if any, goes in the email only.</summary>
internal sealed class QueueDeclineOnConsultationDeclined(IntakeDbContext db, IOptions<PracticeOptions> practice)
    : INotificationHandler<ConsultationDeclined>
{
    public Task Handle(ConsultationDeclined notification, CancellationToken cancellationToken)
    {
        var request = notification.Request;
        var prospect = request.Prospect;
        var at = request.SlotStart is { } start ? MessageTime.Format(start, prospect.TimeZone) : null;
        if (prospect.ReachBy == ContactChannel.Sms)
        {
            db.Messages.Add(OutboundMessage.Text(request.Id, MessageKind.Declined, prospect.Phone,
                MessageTexts.DeclinedText(practice.Value, at), notification.At));
        }
        else
        {
            var (subject, body) = MessageTexts.DeclinedEmail(practice.Value, at, request.DeclineNote);
            db.Messages.Add(OutboundMessage.Email(request.Id, MessageKind.Declined, prospect.Email, subject, body, notification.At));
        }

        return Task.CompletedTask;
    }
}
