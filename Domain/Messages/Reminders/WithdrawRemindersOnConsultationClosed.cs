using Intake.Domain.Consultations;
using Intake.Domain.Data;
using MediatR;

namespace Intake.Domain.Messages.Reminders;

/// <summary>
/// A call that will not take place (cancelled, declined, expired) or already did (completed, no-show) has its
/// pending reminders cancelled in the transaction that closes it.
/// </summary>
internal sealed class WithdrawRemindersOnConsultationClosed(IntakeDbContext db)
    : INotificationHandler<ConsultationCancelled>,
        INotificationHandler<ConsultationDeclined>,
        INotificationHandler<ConsultationExpired>,
        INotificationHandler<ConsultationCompleted>,
        INotificationHandler<ConsultationMarkedNoShow>
{
    public Task Handle(ConsultationCancelled notification, CancellationToken cancellationToken) =>
        ReminderMessages.WithdrawAsync(db, notification.Request.Id, cancellationToken);

    public Task Handle(ConsultationDeclined notification, CancellationToken cancellationToken) =>
        ReminderMessages.WithdrawAsync(db, notification.Request.Id, cancellationToken);

    public Task Handle(ConsultationExpired notification, CancellationToken cancellationToken) =>
        ReminderMessages.WithdrawAsync(db, notification.Request.Id, cancellationToken);

    public Task Handle(ConsultationCompleted notification, CancellationToken cancellationToken) =>
        ReminderMessages.WithdrawAsync(db, notification.Request.Id, cancellationToken);

    public Task Handle(ConsultationMarkedNoShow notification, CancellationToken cancellationToken) =>
        ReminderMessages.WithdrawAsync(db, notification.Request.Id, cancellationToken);
}
