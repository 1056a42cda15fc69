using Intake.Domain.Consultations;
using Intake.Domain.Consultations.ManageLinks;
using Intake.Domain.Data;
using Intake.Domain.Practices;
using MediatR;
using Microsoft.Extensions.Options;

namespace Intake.Domain.Messages.Reminders;

/// <summary>
/// In the transaction that moves the call, the old time's pending reminders are cancelled and the new time's
/// planned, so no reminder names a time the call no longer has.
/// </summary>
internal sealed class ReplaceRemindersOnConsultationRescheduled(
    IntakeDbContext db, IOptions<PracticeOptions> practice, IOptions<MessagingOptions> messaging, ManageLinks links, ShortLinks shortLinks)
    : INotificationHandler<ConsultationRescheduled>
{
    public async Task Handle(ConsultationRescheduled notification, CancellationToken cancellationToken)
    {
        var request = notification.Request;
        await ReminderMessages.WithdrawAsync(db, request.Id, cancellationToken);
        ReminderMessages.Queue(db, request, practice.Value, messaging.Value, links, shortLinks, notification.At);
    }
}
