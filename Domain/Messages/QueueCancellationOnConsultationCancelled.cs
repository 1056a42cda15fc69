using Intake.Domain.Consultations;
using Intake.Domain.Data;
using Intake.Domain.Practices;
using MediatR;
using Microsoft.Extensions.Options;

namespace Intake.Domain.Messages;

/// <summary>The prospect hears that the consultation is off, whoever cancelled it (as a receipt when it was them).</summary>
internal sealed class QueueCancellationOnConsultationCancelled(IntakeDbContext db, IOptions<PracticeOptions> practice)
    : INotificationHandler<ConsultationCancelled>
{
    public Task Handle(ConsultationCancelled notification, CancellationToken cancellationToken)
    {
        var request = notification.Request;
        var prospect = request.Prospect;
        var at = request.SlotStart is { } start ? MessageTime.Format(start, prospect.TimeZone) : null;
        if (prospect.ReachBy == ContactChannel.Sms)
        {
            db.Messages.Add(OutboundMessage.Text(request.Id, MessageKind.Cancelled, prospect.Phone,
                MessageTexts.CancelledText(practice.Value, at, notification.By), notification.At));
        }
        else
        {
            var (subject, body) = MessageTexts.CancelledEmail(practice.Value, at, notification.By);
            db.Messages.Add(OutboundMessage.Email(request.Id, MessageKind.Cancelled, prospect.Email, subject, body, notification.At));
        }

        return Task.CompletedTask;
    }
}
