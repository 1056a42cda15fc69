using Intake.Domain.Consultations;
using Intake.Domain.Data;
using Intake.Domain.Practices;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Intake.Domain.Messages;

/// <summary>
/// When the prospect moves the call from their link, its therapist hears of it in their own zone, as they do of a
/// cancel. A therapist's own reschedule tells no therapist.
/// </summary>
internal sealed class QueueTherapistRescheduledAlertOnConsultationRescheduled(IntakeDbContext db, IOptions<PracticeOptions> practice)
    : INotificationHandler<ConsultationRescheduled>
{
    public async Task Handle(ConsultationRescheduled notification, CancellationToken cancellationToken)
    {
        if (notification.By != RescheduledBy.Prospect)
            return;
        var request = notification.Request;
        var slot = request.Slot ?? throw new InvalidOperationException($"Rescheduled request {request.Id} has no slot.");
        var therapist = await db.Therapists.SingleAsync(t => t.Id == slot.TherapistId, cancellationToken);
        var (subject, body) = MessageTexts.TherapistRescheduledAlertEmail(practice.Value,
            MessageTime.Format(notification.PreviousSlot.Start, therapist.TimeZone), MessageTime.Format(slot.Start, therapist.TimeZone),
            request.Id.ToString());
        db.Messages.Add(OutboundMessage.Email(request.Id, MessageKind.TherapistRescheduledAlert, therapist.Email, subject, body, notification.At));
    }
}
