using Intake.Domain.Consultations;
using Intake.Domain.Consultations.AlertLinks;
using Intake.Domain.Data;
using Intake.Domain.Practices;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Intake.Domain.Messages;

/// <summary>
/// Alerts the therapist whose slot was asked for, or every therapist of the practice for a callback request,
/// each in their own zone: by email, and also by text to a therapist with a phone and AlertBySms on. Neither waits out
/// quiet hours (<see cref="MessageUrgency"/>: messages to the practice keep their own timing). No name and none of the
/// prospect's words: those are read in Intake.
/// </summary>
internal sealed class QueueTherapistAlertOnConsultationRequested(IntakeDbContext db, IOptions<PracticeOptions> practice, AlertLinks links)
    : INotificationHandler<ConsultationRequested>
{
    public async Task Handle(ConsultationRequested notification, CancellationToken cancellationToken)
    {
        var request = notification.Request;
        var therapists = await db.Therapists.AsNoTracking()
            .Where(t => request.TherapistId == null || t.Id == request.TherapistId)
            .ToListAsync(cancellationToken);
        foreach (var therapist in therapists)
        {
            var zone = therapist.TimeZone;
            var receivedAt = MessageTime.Format(request.SubmittedAt, zone);
            var console = links.RequestUrl(request.Id);
            var (subject, body) = request.Slot is { } slot
                ? MessageTexts.SlotAlertEmail(practice.Value, receivedAt, MessageTime.Format(slot.Start, zone), request.Id.ToString(),
                    ActUrl(request, AlertAction.Confirm, therapist.Id, slot.Start), ActUrl(request, AlertAction.Decline, therapist.Id, slot.Start), console)
                : MessageTexts.TherapistAlertEmail(practice.Value, receivedAt, request.Id.ToString(), console);
            db.Messages.Add(OutboundMessage.Email(
                request.Id, MessageKind.TherapistAlert, therapist.Email, subject, body, request.SubmittedAt));
            if (therapist.TextAlertNumber(practice.Value.PhoneRegion) is { } phone)
                db.Messages.Add(OutboundMessage.Text(request.Id, MessageKind.TherapistAlert, phone, Text(request, zone, console), request.SubmittedAt));
        }
    }

    /// <summary>
    /// The text alert, for a therapist who asked for one: minimum necessary, as every text (the practice, the time in
    /// the therapist's zone, the request's four-digit code and the console link; no name, number or words of the
    /// prospect). A held time may be answered "Y" (HandleInboundText); a callback has no time to confirm.
    /// </summary>
    private string Text(ConsultationRequest request, NodaTime.DateTimeZone zone, string console)
    {
        var code = TextAlertCode.For(request.Id);
        return request.Slot is { } slot
            ? MessageTexts.SlotAlertText(practice.Value, MessageTime.Format(slot.Start, zone), code, console)
            : MessageTexts.TherapistAlertText(practice.Value, code, console);
    }

    /// <summary>A link that works until the time asked for starts; before that, the request's own rules decide what it may still do.</summary>
    private string ActUrl(ConsultationRequest request, AlertAction action, string therapistId, NodaTime.Instant slotStart) =>
        links.ActUrl(request, action, therapistId, slotStart);
}
