using Intake.Domain.Data;
using Intake.Domain.Practices;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Intake.Domain.Availability.FindOpenSlots;

/// <summary>GET /api/slots: open times from one date to another (inclusive), both read in the prospect's zone.</summary>
public sealed record FindOpenSlots(string? From, string? To, string? TimeZone, string? TherapistId) : IRequest<OpenSlotList>;

public sealed record OpenSlotList(DateTimeZone TimeZone, IReadOnlyList<Slot> Slots);

internal sealed class FindOpenSlotsHandler(IntakeDbContext db, IClock clock, IOptions<PracticeOptions> practice)
    : IRequestHandler<FindOpenSlots, OpenSlotList>
{
    public async Task<OpenSlotList> Handle(FindOpenSlots query, CancellationToken cancellationToken)
    {
        var zone = DateTimeZoneProviders.Tzdb[query.TimeZone!];
        var from = IsoDate.Parse(query.From)!.Value;
        var to = IsoDate.Parse(query.To)!.Value;

        var therapists = await db.Therapists.AsNoTracking()
            .Where(t => query.TherapistId == null || t.Id == query.TherapistId)
            .ToListAsync(cancellationToken);
        var ids = therapists.Select(t => t.Id).ToList();
        var bookings = await OpenSlots.BookingsAsync(
            db, ids, zone.AtStartOfDay(from).ToInstant(), zone.AtStartOfDay(to.PlusDays(1)).ToInstant(), cancellationToken);

        var slots = SlotCalculator.OpenSlots(
            practice.Value.AvailabilityRules(), therapists.Select(t => t.Schedule()), bookings, clock.GetCurrentInstant(), from, to, zone);
        return new OpenSlotList(zone, slots);
    }
}
