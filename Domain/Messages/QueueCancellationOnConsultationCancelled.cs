using Intake.Domain.Consultations;
using Intake.Domain.Data;
using Intake.Domain.Practices;
using MediatR;
using Microsoft.Extensions.Options;

namespace Intake.Domain.Messages;

/// <summary>The prospect hears that the consultation is off, whoever cancelled it (as a receipt when it was them).</summary>
internal sealed class QueueCancellationOnConsultationCancelled(IntakeDbContext db, IOptions<PracticeOptions> practice)
    : INotificationHandler<ConsultationCancelled>
{
    public Task Handle(ConsultationCancelled notification, CancellationToken cancellationToken)
    {
        var request = notification.Request;
        var prospect = request.Prospect;
        var at = request.SlotStart is { } start ? MessageTime.Format(start, prospect.TimeZone) : null;
        db.Messages.Add(ProspectMessage.For(request, MessageKind.Cancelled, notification.At,
            () => MessageTexts.CancelledText(practice.Value, at, notification.By),
            () => MessageTexts.CancelledEmail(practice.Value, at, notification.By)));

        return Task.CompletedTask;
    }
}
