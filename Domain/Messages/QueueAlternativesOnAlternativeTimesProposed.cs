using Intake.Domain.Consultations;
using Intake.Domain.Consultations.ManageLinks;
using Intake.Domain.Data;
using Intake.Domain.Practices;
using Intake.Domain.Messages.Reminders;
using MediatR;
using Microsoft.Extensions.Options;

namespace Intake.Domain.Messages;

/// <summary>The prospect hears the times the therapist offered, each in the prospect's own zone.</summary>
internal sealed class QueueAlternativesOnAlternativeTimesProposed(IntakeDbContext db, IOptions<MessagingOptions> messaging, IOptions<PracticeOptions> practice, ManageLinks links, ShortLinks shortLinks)
    : INotificationHandler<AlternativeTimesProposed>
{
    public Task Handle(AlternativeTimesProposed notification, CancellationToken cancellationToken)
    {
        var request = notification.Request;
        var prospect = request.Prospect;
        var times = request.ProposedSlots.Select(slot => MessageTime.Format(slot.Start, prospect.TimeZone)).ToList();
        var releasedAt = notification.ReleasedSlot is { } released ? MessageTime.Format(released.Start, prospect.TimeZone) : null;
        db.Messages.Add(ProspectMessage.For(request, MessageKind.AlternativesProposed, notification.At,
            () => MessageTexts.AlternativesText(practice.Value, times, releasedAt, shortLinks.UrlFor(request)),
            () => MessageTexts.AlternativesEmail(practice.Value, times, releasedAt, links.UrlFor(request)), messaging.Value.QuietHours()));

        return Task.CompletedTask;
    }
}
