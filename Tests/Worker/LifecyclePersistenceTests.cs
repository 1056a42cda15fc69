using Intake.Domain.Availability;
using Intake.Domain.Availability.FindOpenSlots;
using Intake.Domain.Consultations;
using Intake.Domain.Consultations.ExpireOverdueRequests;
using Intake.Domain.Data;
using Intake.Domain.Messages;
using Intake.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Intake.Tests.Worker;

/// <summary>Transitions saved through the real DbContext: holds freed or replaced, messages written, expiry by the job.</summary>
public class LifecyclePersistenceTests : WorkerTests
{
    // Wednesday 10 March 2027, 07:00 EST; t1 works Monday 09:00-12:00 New York time.
    // The clock starts at WorkerTests.Start: Wednesday 10 March 2027, 07:00 in New York.
    private static readonly Instant MondayNine = Instant.FromUtc(2027, 3, 15, 13, 0);
    private static readonly Duration Quarter = Duration.FromMinutes(15);
    private static readonly ProposalExpiry Proposals = new(Duration.FromMinutes(120), AnswerWithin: null);


    private static Prospect Prospect() =>
        new("Jane Doe", "+12125550199", "jane@example.com", ContactChannel.Sms, true, DateTimeZoneProviders.Tzdb["Europe/London"]);

    private async Task<ConsultationRequestId> HoldAsync(Instant start)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var request = ConsultationRequest.HoldSlot(Prospect(), null, new Slot("t1", start, start + Quarter), Duration.Zero, Clock.GetCurrentInstant());
        db.ConsultationRequests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    }

    private async Task<TransitionResult> ActAsync(ConsultationRequestId id, Func<ConsultationRequest, TransitionResult> transition)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var request = await db.ConsultationRequests.Include(r => r.Holds).SingleAsync(r => r.Id == id);
        var result = transition(request);
        await db.SaveChangesAsync();
        return result;
    }


    private async Task<List<long>> HeldMinutesAsync()
    {
        await using var db = Database.Open();
        return await db.SlotHolds.OrderBy(h => h.Minute).Select(h => h.Minute).ToListAsync();
    }

    private async Task<bool> OfferedAsync(Instant start)
    {
        var open = await SendAsync(new FindOpenSlots("2027-03-15", "2027-03-15", "America/New_York", "t1"));
        return open.Slots.Any(s => s.Start == start);
    }

    [Test]
    public async Task Expiry_PendingNotConfirmedBeforeTheNotice_ExpiresFreesTheSlotAndTellsTheProspect()
    {
        var id = await HoldAsync(MondayNine);
        Assert.That(await OfferedAsync(MondayNine), Is.False);

        Clock.Reset(MondayNine - Duration.FromMinutes(121));
        var early = await SendAsync(new ExpireOverdueRequests());
        Clock.Reset(MondayNine - Duration.FromMinutes(120));
        var due = await SendAsync(new ExpireOverdueRequests());
        var again = await SendAsync(new ExpireOverdueRequests());

        await using var db = Database.Open();
        var request = await db.ConsultationRequests.SingleAsync(r => r.Id == id);
        Assert.Multiple(async () =>
        {
            Assert.That((early, due, again), Is.EqualTo((0, 1, 0)));
            Assert.That(request.Status, Is.EqualTo(ConsultationStatus.Expired));
            Assert.That(await HeldMinutesAsync(), Is.Empty);
            Assert.That(await db.Messages.CountAsync(m => m.Kind == MessageKind.Expired && m.Channel == ContactChannel.Sms), Is.EqualTo(1));
        });
        Clock.Reset(Start);
        Assert.That(await OfferedAsync(MondayNine), Is.True, "the slot is open again");
    }

    [Test]
    public async Task Reschedule_ToAnOverlappingTime_ReplacesTheHoldsInOneSave()
    {
        var id = await HoldAsync(MondayNine);
        Assert.That((await ActAsync(id, r => r.Confirm(Clock.GetCurrentInstant()))).IsOk, Is.True);

        var later = MondayNine + Duration.FromMinutes(5);
        var result = await ActAsync(id, r => r.Reschedule(new Slot("t1", later, later + Quarter), Duration.Zero, Clock.GetCurrentInstant()));

        var minutes = await HeldMinutesAsync();
        Assert.That(result.IsOk, Is.True);
        Assert.That(minutes, Has.Count.EqualTo(15));
        Assert.That(minutes[0], Is.EqualTo(later.ToUnixTimeTicks() / Duration.FromMinutes(1).BclCompatibleTicks));
        await using var db = Database.Open();
        Assert.That(await db.Messages.CountAsync(m => m.Kind == MessageKind.Rescheduled), Is.EqualTo(1));
    }

    [Test]
    public async Task Decline_FreesTheSlotAndQueuesTheDeclineMessage()
    {
        var id = await HoldAsync(MondayNine);

        var result = await ActAsync(id, r => r.Decline("Fully booked that week.", "t1", Clock.GetCurrentInstant()));

        Assert.That(result.IsOk, Is.True);
        Assert.That(await HeldMinutesAsync(), Is.Empty);
        Assert.That(await OfferedAsync(MondayNine), Is.True);
        await using var db = Database.Open();
        var declined = await db.Messages.SingleAsync(m => m.Kind == MessageKind.Declined);
        Assert.That(declined.Channel, Is.EqualTo(ContactChannel.Sms));
        Assert.That(declined.Body, Does.Contain("Their note: Fully booked that week."), "a short note reaches a prospect reached by text, in the text");
    }

    [Test]
    public async Task ProposeTimes_AreStoredAndOneCanBeAcceptedAfterReloading()
    {
        var id = await HoldAsync(MondayNine);
        var offered = new[] { MondayNine + Duration.FromHours(1), MondayNine + Duration.FromHours(2) }
            .Select(s => new Slot("t1", s, s + Quarter)).ToList();

        var proposed = await ActAsync(id, r => r.ProposeTimes(offered, Proposals, Clock.GetCurrentInstant()));
        var accepted = await ActAsync(id, r => r.AcceptProposedTime(offered[1].Start, Duration.Zero, Clock.GetCurrentInstant()));

        await using var db = Database.Open();
        var request = await db.ConsultationRequests.SingleAsync(r => r.Id == id);
        Assert.Multiple(async () =>
        {
            Assert.That((proposed.IsOk, accepted.IsOk), Is.EqualTo((true, true)));
            Assert.That(request.ProposedSlots, Is.EqualTo(offered));
            Assert.That((request.Status, request.SlotStart), Is.EqualTo((ConsultationStatus.Confirmed, (Instant?)offered[1].Start)));
            Assert.That(await HeldMinutesAsync(), Has.Count.EqualTo(15));
        });
    }

    [Test]
    public async Task Confirm_CallbackIntoATakenTime_IsRefusedByTheDatabase()
    {
        await HoldAsync(MondayNine);
        ConsultationRequestId callback;
        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            var request = ConsultationRequest.Submit(Prospect(), null, Clock.GetCurrentInstant());
            db.ConsultationRequests.Add(request);
            await db.SaveChangesAsync();
            callback = request.Id;
        }

        Assert.That(
            () => ActAsync(callback, r => r.Confirm(new Slot("t1", MondayNine, MondayNine + Quarter), Duration.Zero, Clock.GetCurrentInstant())),
            Throws.InstanceOf<DbUpdateException>());
        await using var check = Database.Open();
        Assert.That((await check.ConsultationRequests.SingleAsync(r => r.Id == callback)).Status, Is.EqualTo(ConsultationStatus.Requested));
    }
}
