using Intake.Domain.Consultations;
using Intake.Domain.Consultations.ManageLinks;
using Intake.Domain.Data;
using Intake.Domain.Practices;
using MediatR;
using Microsoft.Extensions.Options;

namespace Intake.Domain.Messages.Reminders;

/// <summary>
/// Plans the call's reminders (by default 24 h and 1 h before) as Pending rows in the transaction that confirms it,
/// outside the prospect's quiet hours, none already past.
/// </summary>
internal sealed class QueueRemindersOnConsultationConfirmed(
    IntakeDbContext db, IOptions<PracticeOptions> practice, IOptions<MessagingOptions> messaging, ManageLinks links, ShortLinks shortLinks)
    : INotificationHandler<ConsultationConfirmed>
{
    public Task Handle(ConsultationConfirmed notification, CancellationToken cancellationToken)
    {
        ReminderMessages.Queue(db, notification.Request, practice.Value, messaging.Value, links, shortLinks, notification.At);
        return Task.CompletedTask;
    }
}
