using Intake.Domain.Consultations;
using Intake.Domain.Data;
using Intake.Domain.Practices;
using Intake.Domain.Messages.Reminders;
using MediatR;
using Microsoft.Extensions.Options;

namespace Intake.Domain.Messages;

/// <summary>
/// The prospect hears that the time they picked was released unconfirmed (named in their own zone), or that the times
/// offered to them have passed unanswered.
/// </summary>
internal sealed class QueueExpiryNoticeOnConsultationExpired(IntakeDbContext db, IOptions<MessagingOptions> messaging, IOptions<PracticeOptions> practice)
    : INotificationHandler<ConsultationExpired>
{
    public Task Handle(ConsultationExpired notification, CancellationToken cancellationToken)
    {
        var request = notification.Request;
        if (notification.ProposalLapsed)
        {
            db.Messages.Add(ProspectMessage.For(request, MessageKind.Expired, notification.At,
                () => MessageTexts.ProposalExpiredText(practice.Value),
                () => MessageTexts.ProposalExpiredEmail(practice.Value), messaging.Value.QuietHours()));
            return Task.CompletedTask;
        }

        var start = request.SlotStart ?? throw new InvalidOperationException($"Expired request {request.Id} has no slot.");
        var at = MessageTime.Format(start, request.Prospect.TimeZone);
        db.Messages.Add(ProspectMessage.For(request, MessageKind.Expired, notification.At,
            () => MessageTexts.ExpiredText(practice.Value, at),
            () => MessageTexts.ExpiredEmail(practice.Value, at), messaging.Value.QuietHours()));

        return Task.CompletedTask;
    }
}
