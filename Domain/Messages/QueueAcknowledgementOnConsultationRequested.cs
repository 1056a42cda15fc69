using Intake.Domain.Consultations;
using Intake.Domain.Data;
using Intake.Domain.Practices;
using MediatR;
using Microsoft.Extensions.Options;

namespace Intake.Domain.Messages;

internal sealed class QueueAcknowledgementOnConsultationRequested(IntakeDbContext db, IOptions<PracticeOptions> practice)
    : INotificationHandler<ConsultationRequested>
{
    public Task Handle(ConsultationRequested notification, CancellationToken cancellationToken)
    {
        var request = notification.Request;
        var prospect = request.Prospect;
        var receivedAt = MessageTime.Format(request.SubmittedAt, prospect.TimeZone);
        var message = prospect.ReachBy == ContactChannel.Sms
            ? OutboundMessage.Text(request.Id, MessageKind.Acknowledgement, prospect.Phone,
                MessageTexts.AcknowledgementText(practice.Value, receivedAt), request.SubmittedAt)
            : CreateEmail(request, receivedAt);
        db.Messages.Add(message);
        return Task.CompletedTask;
    }

    private OutboundMessage CreateEmail(ConsultationRequest request, string receivedAt)
    {
        var (subject, body) = MessageTexts.AcknowledgementEmail(practice.Value, receivedAt);
        return OutboundMessage.Email(request.Id, MessageKind.Acknowledgement, request.Prospect.Email, subject, body, request.SubmittedAt);
    }
}
