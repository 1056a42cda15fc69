using Intake.Domain.Consultations;
using Intake.Domain.Consultations.ManageLinks;
using Intake.Domain.Data;
using Intake.Domain.Practices;
using MediatR;
using Microsoft.Extensions.Options;

namespace Intake.Domain.Messages;

/// <summary>The prospect hears that the call has a confirmed time, in their own zone.</summary>
internal sealed class QueueConfirmationOnConsultationConfirmed(IntakeDbContext db, IOptions<PracticeOptions> practice, ManageLinks links)
    : INotificationHandler<ConsultationConfirmed>
{
    public Task Handle(ConsultationConfirmed notification, CancellationToken cancellationToken)
    {
        var request = notification.Request;
        var prospect = request.Prospect;
        var slot = request.Slot ?? throw new InvalidOperationException($"Confirmed request {request.Id} has no slot.");
        var at = MessageTime.Format(slot.Start, prospect.TimeZone);
        db.Messages.Add(ProspectMessage.For(request, MessageKind.Confirmed, notification.At,
            () => MessageTexts.ConfirmedText(practice.Value, at),
            () => MessageTexts.ConfirmedEmail(practice.Value, at, links.UrlFor(request))));

        return Task.CompletedTask;
    }
}
