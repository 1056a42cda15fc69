using Intake.Domain.Consultations;
using Intake.Domain.Data;
using Intake.Domain.Practices;
using Intake.Domain.Messages.Reminders;
using MediatR;
using Microsoft.Extensions.Options;

namespace Intake.Domain.Messages;

/// <summary>The prospect hears that the time they picked was released unconfirmed, in their own zone.</summary>
internal sealed class QueueExpiryNoticeOnConsultationExpired(IntakeDbContext db, IOptions<MessagingOptions> messaging, IOptions<PracticeOptions> practice)
    : INotificationHandler<ConsultationExpired>
{
    public Task Handle(ConsultationExpired notification, CancellationToken cancellationToken)
    {
        var request = notification.Request;
        var prospect = request.Prospect;
        var start = request.SlotStart ?? throw new InvalidOperationException($"Expired request {request.Id} has no slot.");
        var at = MessageTime.Format(start, prospect.TimeZone);
        db.Messages.Add(ProspectMessage.For(request, MessageKind.Expired, notification.At,
            () => MessageTexts.ExpiredText(practice.Value, at),
            () => MessageTexts.ExpiredEmail(practice.Value, at), messaging.Value.QuietHours()));

        return Task.CompletedTask;
    }
}
