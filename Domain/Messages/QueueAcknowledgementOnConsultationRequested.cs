using Intake.Domain.Consultations;
using Intake.Domain.Consultations.ManageLinks;
using Intake.Domain.Data;
using Intake.Domain.Practices;
using MediatR;
using Microsoft.Extensions.Options;

namespace Intake.Domain.Messages;

/// <summary>Tells the prospect their request arrived: when they asked for a call, or when it arrived if they asked for a callback.</summary>
internal sealed class QueueAcknowledgementOnConsultationRequested(IntakeDbContext db, IOptions<PracticeOptions> practice, ManageLinks links)
    : INotificationHandler<ConsultationRequested>
{
    public Task Handle(ConsultationRequested notification, CancellationToken cancellationToken)
    {
        var request = notification.Request;
        var prospect = request.Prospect;
        var settings = practice.Value;
        var now = request.SubmittedAt;
        var slot = request.Slot;
        var when = MessageTime.Format(slot?.Start ?? now, prospect.TimeZone);

        if (prospect.ReachBy == ContactChannel.Sms)
        {
            var text = slot is null ? MessageTexts.AcknowledgementText(settings, when) : MessageTexts.SlotHeldText(settings, when);
            db.Messages.Add(OutboundMessage.Text(request.Id, MessageKind.Acknowledgement, prospect.Phone, text, now));
        }
        else
        {
            var manageUrl = links.UrlFor(request);
            var (subject, body) = slot is null
                ? MessageTexts.AcknowledgementEmail(settings, when, manageUrl)
                : MessageTexts.SlotHeldEmail(settings, when, manageUrl);
            db.Messages.Add(OutboundMessage.Email(request.Id, MessageKind.Acknowledgement, prospect.Email, subject, body, now));
        }

        return Task.CompletedTask;
    }
}
