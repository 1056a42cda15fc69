using System.Globalization;
using Intake.Domain.Consultations;
using Intake.Domain.Data;
using Intake.Domain.Messages.Reminders;
using Intake.Domain.Practices;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace Intake.Domain.Messages.Agenda;

/// <summary>
/// Writes each therapist's agenda for their current local day once their local clock has passed
/// "Messaging:AgendaTime": one email listing the day's confirmed calls (times in their zone and reference ids, no
/// names, no words) or saying there are none. Idempotent: a therapist whose agenda for that date was already
/// written, whatever became of it, gets no second one. Returns how many agendas were written.
/// </summary>
public sealed record QueueDailyAgendas : IRequest<int>;

internal sealed class QueueDailyAgendasHandler(
    IntakeDbContext db, IClock clock, IOptions<PracticeOptions> practice, IOptions<MessagingOptions> messaging)
    : IRequestHandler<QueueDailyAgendas, int>
{
    private static readonly LocalDatePattern Date = LocalDatePattern.Create("ddd d MMM yyyy", CultureInfo.InvariantCulture);
    private static readonly LocalTimePattern Time = LocalTimePattern.Create("h:mm tt", CultureInfo.InvariantCulture);

    public async Task<int> Handle(QueueDailyAgendas command, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var agendaTime = messaging.Value.AgendaLocalTime();
        var therapists = await db.Therapists.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken);
        var written = 0;
        foreach (var therapist in therapists)
        {
            var zone = therapist.TimeZone;
            var today = now.InZone(zone).Date;
            // An agenda time that the clock skips (a spring-forward gap) is read as the first instant after it.
            if (now < zone.ResolveLocal(today + agendaTime, QuietHours.Resolver).ToInstant())
                continue;
            var date = Date.Format(today);
            var subject = MessageTexts.DailyAgendaSubject(practice.Value, date);
            if (await db.Messages.AnyAsync(
                    m => m.Kind == MessageKind.DailyAgenda && m.Recipient == therapist.Email && m.Subject == subject, cancellationToken))
                continue;

            var dayStart = today.AtStartOfDayInZone(zone).ToInstant();
            var nextDayStart = today.PlusDays(1).AtStartOfDayInZone(zone).ToInstant();
            var calls = await db.ConsultationRequests.AsNoTracking()
                .Where(r => r.Status == ConsultationStatus.Confirmed && r.TherapistId == therapist.Id
                    && r.SlotStart >= dayStart && r.SlotStart < nextDayStart)
                .OrderBy(r => r.SlotStart)
                .Select(r => new { r.Id, r.SlotStart })
                .ToListAsync(cancellationToken);
            var lines = calls
                .Select(call => (At: TimeOfDay(call.SlotStart!.Value, zone), Reference: call.Id.ToString()))
                .ToList();

            var (_, body) = MessageTexts.DailyAgendaEmail(practice.Value, date, lines);
            db.Messages.Add(OutboundMessage.Email(null, MessageKind.DailyAgenda, therapist.Email, subject, body, now)
                .Scheduled(now, nextDayStart));
            await db.SaveChangesAsync(cancellationToken);
            written++;
        }

        return written;
    }

    /// <summary>"9:00 AM EDT": the call's start on the therapist's clock, with the zone's abbreviation at that instant.</summary>
    private static string TimeOfDay(Instant instant, DateTimeZone zone) =>
        $"{Time.Format(instant.InZone(zone).TimeOfDay)} {zone.GetZoneInterval(instant).Name}";
}
