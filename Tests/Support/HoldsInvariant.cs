using Intake.Domain.Consultations;
using Intake.Domain.Practices;
using Microsoft.EntityFrameworkCore;

namespace Intake.Tests.Support;

/// <summary>
/// Holds and status never disagree: every request that keeps a time (Pending, Confirmed, and after the call
/// Completed or NoShow) has exactly the hold rows its slot and the buffer cover, and no other request has any.
/// </summary>
internal static class HoldsInvariant
{
    private static readonly ConsultationStatus[] KeepTheirTime =
        [ConsultationStatus.Pending, ConsultationStatus.Confirmed, ConsultationStatus.Completed, ConsultationStatus.NoShow];

    public static async Task AssertHoldsMatchStatusAsync(TestDatabase database, PracticeOptions practice)
    {
        await using var db = database.Open();
        var buffer = practice.AvailabilityRules().Buffer;
        var requests = await db.ConsultationRequests.AsNoTracking().Include(r => r.Holds).ToListAsync();
        var holders = (await db.SlotHolds.AsNoTracking().Select(h => h.HeldBy).Distinct().ToListAsync()).ToHashSet();
        Assert.Multiple(() =>
        {
            foreach (var request in requests)
            {
                var held = request.Holds.Select(h => (h.TherapistId, h.Minute)).OrderBy(h => h.Minute).ToList();
                if (KeepTheirTime.Contains(request.Status))
                {
                    Assert.That(request.Slot, Is.Not.Null, $"{request.Status} request {request.Id} has no time");
                    var covered = SlotHold.Cover(request.Slot!.Value, buffer, request.Id).Select(h => (h.TherapistId, h.Minute)).ToList();
                    Assert.That(held, Is.EqualTo(covered), $"{request.Status} request {request.Id} holds other minutes than its time");
                }
                else
                {
                    Assert.That(held, Is.Empty, $"{request.Status} request {request.Id} still holds time");
                }
            }

            Assert.That(holders.Except(requests.Select(r => r.Id)), Is.Empty, "holds of no request");
        });
    }

}
