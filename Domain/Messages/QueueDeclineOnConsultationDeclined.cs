using Intake.Domain.Consultations;
using Intake.Domain.Data;
using Intake.Domain.Practices;
using MediatR;
using Microsoft.Extensions.Options;

namespace Intake.Domain.Messages;

/// <summary>The prospect hears that the therapist declined; the therapist's note, if any, goes in the email only.</summary>
internal sealed class QueueDeclineOnConsultationDeclined(IntakeDbContext db, IOptions<PracticeOptions> practice)
    : INotificationHandler<ConsultationDeclined>
{
    public Task Handle(ConsultationDeclined notification, CancellationToken cancellationToken)
    {
        var request = notification.Request;
        var prospect = request.Prospect;
        var at = request.SlotStart is { } start ? MessageTime.Format(start, prospect.TimeZone) : null;
        db.Messages.Add(ProspectMessage.For(request, MessageKind.Declined, notification.At,
            () => MessageTexts.DeclinedText(practice.Value, at),
            () => MessageTexts.DeclinedEmail(practice.Value, at, request.DeclineNote)));

        return Task.CompletedTask;
    }
}
