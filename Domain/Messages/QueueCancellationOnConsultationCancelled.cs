using Intake.Domain.Consultations;
using Intake.Domain.Data;
using Intake.Domain.Messages.Calendar;
using Intake.Domain.Practices;
using Intake.Domain.Messages.Reminders;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Intake.Domain.Messages;

/// <summary>
/// The prospect hears that the consultation is off, whoever cancelled it (as a receipt when it was them). When the
/// call had been confirmed at a time, it was sent an invitation, so an email carries its cancellation (METHOD:CANCEL),
/// which takes the call out of the prospect's calendar; a held time never confirmed had no invitation to withdraw.
/// </summary>
internal sealed class QueueCancellationOnConsultationCancelled(IntakeDbContext db, IOptions<MessagingOptions> messaging, IOptions<PracticeOptions> practice, IConfiguration configuration)
    : INotificationHandler<ConsultationCancelled>
{
    public async Task Handle(ConsultationCancelled notification, CancellationToken cancellationToken)
    {
        var request = notification.Request;
        var prospect = request.Prospect;
        var at = request.SlotStart is { } start ? MessageTime.Format(start, prospect.TimeZone) : null;
        var message = ProspectMessage.For(request, MessageKind.Cancelled, notification.At,
            () => MessageTexts.CancelledText(practice.Value, at, notification.By),
            () => MessageTexts.CancelledEmail(practice.Value, at, notification.By), messaging.Value.QuietHours());
        if (message.Channel == ContactChannel.Email && request.Slot is not null && request.ConfirmedAt is not null)
        {
            var organizer = await InviteOrganizer.EmailAsync(configuration, db, request, cancellationToken);
            message.WithCalendarInvite(ConsultationInvite.Cancel(request, practice.Value.Name, organizer, notification.At));
        }

        db.Messages.Add(message);
    }
}
