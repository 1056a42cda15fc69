using Intake.Domain.Consultations;
using Intake.Domain.Consultations.ManageLinks;
using Intake.Domain.Data;
using Intake.Domain.Practices;
using MediatR;
using Microsoft.Extensions.Options;

namespace Intake.Domain.Messages;

/// <summary>The prospect hears the call's new time, and the old one, in their own zone.</summary>
internal sealed class QueueRescheduleNoticeOnConsultationRescheduled(IntakeDbContext db, IOptions<PracticeOptions> practice, ManageLinks links)
    : INotificationHandler<ConsultationRescheduled>
{
    public Task Handle(ConsultationRescheduled notification, CancellationToken cancellationToken)
    {
        var request = notification.Request;
        var prospect = request.Prospect;
        var slot = request.Slot ?? throw new InvalidOperationException($"Rescheduled request {request.Id} has no slot.");
        var from = MessageTime.Format(notification.PreviousSlot.Start, prospect.TimeZone);
        var to = MessageTime.Format(slot.Start, prospect.TimeZone);
        db.Messages.Add(ProspectMessage.For(request, MessageKind.Rescheduled, notification.At,
            () => MessageTexts.RescheduledText(practice.Value, from, to),
            () => MessageTexts.RescheduledEmail(practice.Value, from, to, links.UrlFor(request))));

        return Task.CompletedTask;
    }
}
