using Intake.Domain.Consultations;
using Intake.Domain.Data;
using Intake.Domain.Practices;
using MediatR;
using Microsoft.Extensions.Options;

namespace Intake.Domain.Messages;

/// <summary>The prospect hears that the time they picked was released unconfirmed, in their own zone.</summary>
internal sealed class QueueExpiryNoticeOnConsultationExpired(IntakeDbContext db, IOptions<PracticeOptions> practice)
    : INotificationHandler<ConsultationExpired>
{
    public Task Handle(ConsultationExpired notification, CancellationToken cancellationToken)
    {
        var request = notification.Request;
        var prospect = request.Prospect;
        var start = request.SlotStart ?? throw new InvalidOperationException($"Expired request {request.Id} has no slot.");
        var at = MessageTime.Format(start, prospect.TimeZone);
        if (prospect.ReachBy == ContactChannel.Sms)
        {
            db.Messages.Add(OutboundMessage.Text(request.Id, MessageKind.Expired, prospect.Phone,
                MessageTexts.ExpiredText(practice.Value, at), notification.At));
        }
        else
        {
            var (subject, body) = MessageTexts.ExpiredEmail(practice.Value, at);
            db.Messages.Add(OutboundMessage.Email(request.Id, MessageKind.Expired, prospect.Email, subject, body, notification.At));
        }

        return Task.CompletedTask;
    }
}
