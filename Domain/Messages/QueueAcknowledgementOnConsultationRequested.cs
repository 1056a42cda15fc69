using Intake.Domain.Consultations;
using Intake.Domain.Consultations.ManageLinks;
using Intake.Domain.Data;
using Intake.Domain.Practices;
using Intake.Domain.Messages.Reminders;
using MediatR;
using Microsoft.Extensions.Options;

namespace Intake.Domain.Messages;

/// <summary>Tells the prospect their request arrived: when they asked for a call, or when it arrived if they asked for a callback.</summary>
internal sealed class QueueAcknowledgementOnConsultationRequested(IntakeDbContext db, IOptions<MessagingOptions> messaging, IOptions<PracticeOptions> practice, ManageLinks links, ShortLinks shortLinks)
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

        db.Messages.Add(ProspectMessage.For(request, MessageKind.Acknowledgement, now,
            () => slot is null
                ? MessageTexts.AcknowledgementText(settings, when, shortLinks.UrlFor(request))
                : MessageTexts.SlotHeldText(settings, when, shortLinks.UrlFor(request)),
            () => slot is null
                ? MessageTexts.AcknowledgementEmail(settings, when, links.UrlFor(request))
                : MessageTexts.SlotHeldEmail(settings, when, links.UrlFor(request)), messaging.Value.QuietHours()));
        return Task.CompletedTask;
    }
}
