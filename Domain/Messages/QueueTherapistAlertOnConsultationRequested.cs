using Intake.Domain.Consultations;
using Intake.Domain.Data;
using Intake.Domain.Practices;
using MediatR;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Intake.Domain.Messages;

/// <summary>Every therapist of the practice hears of a callback request, in their own zone.</summary>
internal sealed class QueueTherapistAlertOnConsultationRequested(IntakeDbContext db, IOptions<PracticeOptions> practice)
    : INotificationHandler<ConsultationRequested>
{
    public Task Handle(ConsultationRequested notification, CancellationToken cancellationToken)
    {
        var request = notification.Request;
        foreach (var therapist in practice.Value.Therapists)
        {
            var zone = DateTimeZoneProviders.Tzdb[therapist.TimeZone];
            var (subject, body) = MessageTexts.TherapistAlertEmail(
                practice.Value, MessageTime.Format(request.SubmittedAt, zone), request.Id.ToString());
            db.Messages.Add(OutboundMessage.Email(
                request.Id, MessageKind.TherapistAlert, therapist.Email, subject, body, request.SubmittedAt));
        }

        return Task.CompletedTask;
    }
}
