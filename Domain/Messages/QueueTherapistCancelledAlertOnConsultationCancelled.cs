using Intake.Domain.Consultations;
using Intake.Domain.Data;
using Intake.Domain.Practices;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Intake.Domain.Messages;

/// <summary>
/// When the prospect cancels, the therapist whose time it was hears of it in their own zone; a callback request
/// with no therapist yet goes to every therapist, as its alert did. A therapist's own cancellation tells no therapist.
/// </summary>
internal sealed class QueueTherapistCancelledAlertOnConsultationCancelled(IntakeDbContext db, IOptions<PracticeOptions> practice)
    : INotificationHandler<ConsultationCancelled>
{
    public async Task Handle(ConsultationCancelled notification, CancellationToken cancellationToken)
    {
        if (notification.By != CancelledBy.Prospect)
            return;
        var request = notification.Request;
        var therapists = request.TherapistId is { } therapistId
            ? [await db.Therapists.SingleAsync(t => t.Id == therapistId, cancellationToken)]
            : await db.Therapists.ToListAsync(cancellationToken);
        foreach (var therapist in therapists)
        {
            var at = request.SlotStart is { } start ? MessageTime.Format(start, therapist.TimeZone) : null;
            var (subject, body) = MessageTexts.TherapistCancelledAlertEmail(practice.Value, at, request.Id.ToString());
            db.Messages.Add(OutboundMessage.Email(
                request.Id, MessageKind.TherapistCancelledAlert, therapist.Email, subject, body, notification.At));
        }
    }
}
