using Intake.Domain.Consultations;
using Intake.Domain.Consultations.ManageLinks;
using Intake.Domain.Data;
using Intake.Domain.Practices;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Intake.Domain.Messages.Reminders;

/// <summary>Writes and withdraws a request's reminder rows; the handlers call it inside the save of the change that causes it.</summary>
internal static class ReminderMessages
{
    /// <summary>Adds the confirmed call's reminders, each due as <see cref="ReminderPlanner"/> says, to the prospect on their channel.</summary>
    public static void Queue(
        IntakeDbContext db, ConsultationRequest request, PracticeOptions practice, MessagingOptions messaging, ManageLinks links, ShortLinks shortLinks, Instant now)
    {
        var start = request.SlotStart ?? throw new InvalidOperationException($"Confirmed request {request.Id} has no slot.");
        var prospect = request.Prospect;
        var planned = ReminderPlanner.PlanReminders(start, messaging.ReminderOffsets(), messaging.QuietHours(), prospect.TimeZone, now);
        if (planned.Count == 0)
            return;
        var at = MessageTime.Format(start, prospect.TimeZone);
        var url = prospect.ReachBy == ContactChannel.Email ? links.UrlFor(request) : string.Empty;
        foreach (var reminder in planned)
        {
            db.Messages.Add(ProspectMessage.For(request, MessageKind.Reminder, now,
                    () => MessageTexts.ReminderText(practice, at, shortLinks.UrlFor(request)),
                    () => MessageTexts.ReminderEmail(practice, at, url), messaging.QuietHours())
                .Scheduled(reminder.DueAt, reminder.NotAfter));
        }
    }

    /// <summary>
    /// Cancels every reminder of the request not yet claimed by a job: those already saved and any added earlier in
    /// this same save. One already sending or sent stays as it is. Returns how many were cancelled.
    /// </summary>
    public static async Task<int> WithdrawAsync(IntakeDbContext db, ConsultationRequestId id, CancellationToken cancellationToken)
    {
        await db.Messages
            .Where(m => m.ConsultationRequestId == id && m.Kind == MessageKind.Reminder && m.Status == MessageStatus.Pending)
            .LoadAsync(cancellationToken);
        return db.Messages.Local
            .Where(m => m.ConsultationRequestId == id && m.Kind == MessageKind.Reminder && m.Status == MessageStatus.Pending)
            .ToList()
            .Count(m => m.Cancel());
    }
}
