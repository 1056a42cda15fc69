using Intake.Domain.Consultations;
using Intake.Domain.Data;
using Intake.Domain.Practices;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Intake.Domain.Availability;

/// <summary>The open slots of stored therapists, given the bookings that hold their time.</summary>
internal static class OpenSlots
{
    /// <summary>
    /// Bookings that may affect slots starting in [from, to): those overlapping it, widened by two days on each
    /// side so a daily cap counts the therapist's whole local days.
    /// </summary>
    public static async Task<List<Booking>> BookingsAsync(
        IntakeDbContext db, IReadOnlyCollection<string> therapistIds, Instant from, Instant to, CancellationToken cancellationToken,
        ConsultationRequestId? excluding = null)
    {
        var after = from - Duration.FromDays(2);
        var before = to + Duration.FromDays(2);
        var rows = await db.ConsultationRequests.AsNoTracking()
            .Where(r => (r.Status == ConsultationStatus.Pending || r.Status == ConsultationStatus.Confirmed)
                && r.TherapistId != null && therapistIds.Contains(r.TherapistId)
                && r.SlotStart < before && r.SlotEnd > after
                && (excluding == null || r.Id != excluding))
            .Select(r => new { r.TherapistId, r.SlotStart, r.SlotEnd })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new Booking(r.TherapistId!, r.SlotStart!.Value, r.SlotEnd!.Value)).ToList();
    }

    /// <summary>
    /// The open slot of this therapist that starts at exactly this instant, if there is one; a request being
    /// moved does not block itself (<paramref name="excluding"/>).
    /// </summary>
    public static async Task<Slot?> FindAsync(
        IntakeDbContext db, AvailabilityRules rules, Therapist therapist, Instant start, Instant now, CancellationToken cancellationToken,
        ConsultationRequestId? excluding = null)
    {
        var zone = therapist.TimeZone;
        var date = start.InZone(zone).Date;
        var bookings = await BookingsAsync(db, [therapist.Id], start, start + rules.ConsultationLength, cancellationToken, excluding);
        var slots = SlotCalculator.OpenSlots(rules, [therapist.Schedule()], bookings, now, date.PlusDays(-1), date.PlusDays(1), zone, therapist.Id);
        return slots.Where(s => s.Start == start).Select(s => (Slot?)s).FirstOrDefault();
    }
}
