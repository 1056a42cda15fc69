using Intake.Domain.Consultations;
using Intake.Domain.Consultations.ManageLinks;
using Intake.Domain.Data;
using Intake.Domain.Messages.Calendar;
using Intake.Domain.Practices;
using Intake.Domain.Messages.Reminders;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Intake.Domain.Messages;

/// <summary>
/// The prospect hears the call's new time, and the old one, in their own zone; an email carries the updated calendar
/// invitation (same UID, higher SEQUENCE), which moves the call in the prospect's calendar.
/// </summary>
internal sealed class QueueRescheduleNoticeOnConsultationRescheduled(
    IntakeDbContext db, IOptions<MessagingOptions> messaging, IOptions<PracticeOptions> practice, ManageLinks links, ShortLinks shortLinks, IConfiguration configuration)
    : INotificationHandler<ConsultationRescheduled>
{
    public async Task Handle(ConsultationRescheduled notification, CancellationToken cancellationToken)
    {
        var request = notification.Request;
        var prospect = request.Prospect;
        var slot = request.Slot ?? throw new InvalidOperationException($"Rescheduled request {request.Id} has no slot.");
        var from = MessageTime.Format(notification.PreviousSlot.Start, prospect.TimeZone);
        var to = MessageTime.Format(slot.Start, prospect.TimeZone);
        var manageUrl = new Lazy<string>(() => links.UrlFor(request));
        var message = ProspectMessage.For(request, MessageKind.Rescheduled, notification.At,
            () => MessageTexts.RescheduledText(practice.Value, from, to, shortLinks.UrlFor(request)),
            () => MessageTexts.RescheduledEmail(practice.Value, from, to, manageUrl.Value), messaging.Value.QuietHours());
        if (message.Channel == ContactChannel.Email)
        {
            var organizer = await InviteOrganizer.EmailAsync(configuration, db, request, cancellationToken);
            message.WithCalendarInvite(ConsultationInvite.Request(request, practice.Value.Name, organizer, manageUrl.Value, notification.At));
        }

        db.Messages.Add(message);
    }
}
