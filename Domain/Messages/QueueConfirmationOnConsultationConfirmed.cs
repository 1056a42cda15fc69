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
/// The prospect hears that the call has a confirmed time, in their own zone; an email carries the calendar
/// invitation (a text cannot).
/// </summary>
internal sealed class QueueConfirmationOnConsultationConfirmed(
    IntakeDbContext db, IOptions<MessagingOptions> messaging, IOptions<PracticeOptions> practice, ManageLinks links, ShortLinks shortLinks, IConfiguration configuration)
    : INotificationHandler<ConsultationConfirmed>
{
    public async Task Handle(ConsultationConfirmed notification, CancellationToken cancellationToken)
    {
        var request = notification.Request;
        var prospect = request.Prospect;
        var slot = request.Slot ?? throw new InvalidOperationException($"Confirmed request {request.Id} has no slot.");
        var at = MessageTime.Format(slot.Start, prospect.TimeZone);
        var manageUrl = new Lazy<string>(() => links.UrlFor(request));
        var message = ProspectMessage.For(request, MessageKind.Confirmed, notification.At,
            () => MessageTexts.ConfirmedText(practice.Value, at, shortLinks.UrlFor(request)),
            () => MessageTexts.ConfirmedEmail(practice.Value, at, manageUrl.Value), messaging.Value.QuietHours());
        if (message.Channel == ContactChannel.Email)
        {
            var organizer = await InviteOrganizer.EmailAsync(configuration, db, request, cancellationToken);
            message.WithCalendarInvite(ConsultationInvite.Request(request, practice.Value.Name, organizer, manageUrl.Value, notification.At));
        }

        db.Messages.Add(message);
    }
}
