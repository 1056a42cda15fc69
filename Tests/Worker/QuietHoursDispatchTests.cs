using Intake.Domain.Availability;
using Intake.Domain.Consultations;
using Intake.Domain.Data;
using Intake.Domain.Messages;
using Intake.Tests.Support;
using Intake.Worker.Dispatch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Intake.Tests.Worker;

/// <summary>
/// Quiet hours (21:00–08:00 in the prospect's own zone) for every message to a prospect but the acknowledgement:
/// applied when the message is written, and again when a job is about to send it.
/// </summary>
public class QuietHoursDispatchTests : WorkerTests
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly DateTimeZone Tokyo = DateTimeZoneProviders.Tzdb["Asia/Tokyo"];

    // Wednesday 10 March 2027, 23:30 in London (GMT): quiet hours, until 08:00 Thursday = 08:00 UTC.
    private static readonly Instant LateEvening = Instant.FromUtc(2027, 3, 10, 23, 30);
    private static readonly Instant ThursdayEight = Instant.FromUtc(2027, 3, 11, 8, 0);

    // Monday 15 March 09:00 New York (13:00 GMT): the held call.
    private static readonly Instant MondayNine = Instant.FromUtc(2027, 3, 15, 13, 0);

    protected override Instant Start => LateEvening;

    private static Prospect Prospect(DateTimeZone zone) =>
        new("Jane Doe", "+12125550199", "jane@example.com", ContactChannel.Sms, true, zone);

    private async Task<ConsultationRequestId> HeldAsync(DateTimeZone zone)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var request = ConsultationRequest.HoldSlot(
            Prospect(zone), null, new Slot("t1", MondayNine, MondayNine + Duration.FromMinutes(15)), Duration.Zero, Clock.GetCurrentInstant());
        db.ConsultationRequests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    }

    private async Task ConfirmAsync(ConsultationRequestId id)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var request = await db.ConsultationRequests.Include(r => r.Holds).SingleAsync(r => r.Id == id);
        Assert.That(request.Confirm(Clock.GetCurrentInstant()).IsOk, Is.True);
        await db.SaveChangesAsync();
    }

    private async Task<OutboundMessage> MessageAsync(MessageKind kind)
    {
        await using var db = Database.Open();
        return await db.Messages.AsNoTracking().SingleAsync(m => m.Kind == kind);
    }

    [Test]
    public async Task Confirm_InTheProspectsQuietHours_TheConfirmationIsDueWhenTheyEndAndTheAcknowledgementAtOnce()
    {
        var id = await HeldAsync(London);
        await ConfirmAsync(id);

        var acknowledgement = await MessageAsync(MessageKind.Acknowledgement);
        var confirmation = await MessageAsync(MessageKind.Confirmed);
        Assert.Multiple(() =>
        {
            Assert.That(acknowledgement.DueAt, Is.EqualTo(LateEvening), "the acknowledgement of a request just made goes at once");
            Assert.That(confirmation.DueAt, Is.EqualTo(ThursdayEight), "08:00 in London");
        });
    }

    [Test]
    public async Task Confirm_WhenItIsDaytimeInTheProspectsZone_TheConfirmationIsDueAtOnce()
    {
        // 23:30 GMT is 08:30 in Tokyo.
        var id = await HeldAsync(Tokyo);
        await ConfirmAsync(id);

        Assert.That((await MessageAsync(MessageKind.Confirmed)).DueAt, Is.EqualTo(LateEvening));
    }

    [Test]
    public async Task Dispatch_ARetryThatLandsInQuietHours_IsDeferredToTheirEndNotSent()
    {
        // Confirmed at 20:00 London, due at once; the job runs (a retry, a late scan) at 23:30.
        Clock.Reset(Instant.FromUtc(2027, 3, 10, 20, 0));
        var id = await HeldAsync(London);
        await ConfirmAsync(id);
        var confirmation = await MessageAsync(MessageKind.Confirmed);
        Assert.That(confirmation.DueAt, Is.EqualTo(Clock.GetCurrentInstant()));
        Clock.Reset(LateEvening);

        var result = await SendAsync(new DispatchMessage(confirmation.Id));

        var deferred = await MessageAsync(MessageKind.Confirmed);
        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(DispatchResult.Deferred));
            Assert.That((deferred.Status, deferred.DueAt, deferred.Attempts), Is.EqualTo((MessageStatus.Pending, ThursdayEight, 0)));
            Assert.That(Directory.Exists(Database.OutboxFolder) ? Directory.GetFiles(Database.OutboxFolder) : [], Is.Empty, "nothing sent");
        });

        Clock.Reset(ThursdayEight);
        Assert.That(await SendAsync(new DispatchMessage(confirmation.Id)), Is.EqualTo(DispatchResult.Sent), "sent in the morning");
    }

    [Test]
    public async Task Dispatch_DeferredPastItsNotAfter_IsWithdrawn()
    {
        var id = await HeldAsync(London);
        await using (var db = Database.Open())
        {
            db.Messages.Add(OutboundMessage.Text(id, MessageKind.Expired, "+12125550199", "Expired", LateEvening - Duration.FromHours(3))
                .Scheduled(LateEvening - Duration.FromHours(3), notAfter: LateEvening + Duration.FromHours(1)));
            await db.SaveChangesAsync();
        }

        // Make the notice stand (the request expired) so only the time decides.
        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            await db.ConsultationRequests.Where(r => r.Id == id).ExecuteUpdateAsync(set => set.SetProperty(r => r.Status, ConsultationStatus.Expired));
        }

        var message = await MessageAsync(MessageKind.Expired);
        var result = await SendAsync(new DispatchMessage(message.Id));

        var withdrawn = await MessageAsync(MessageKind.Expired);
        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(DispatchResult.Cancelled));
            Assert.That((withdrawn.Status, withdrawn.LastError), Is.EqualTo((MessageStatus.Cancelled, "past its time")));
        });
    }

    [Test]
    public async Task Dispatch_AReminderPlannedForTheStartOfQuietHours_StillGoesThen()
    {
        var start = Instant.FromUtc(2027, 3, 10, 21, 0); // 21:00 London
        Clock.Reset(start + Duration.FromMinutes(1));
        var id = await HeldAsync(London);
        await ConfirmAsync(id);
        MessageId reminder;
        await using (var db = Database.Open())
        {
            var message = OutboundMessage.Text(id, MessageKind.Reminder, "+12125550199", "Reminder", start - Duration.FromDays(1))
                .Scheduled(start, notAfter: MondayNine);
            db.Messages.Add(message);
            await db.SaveChangesAsync();
            reminder = message.Id;
        }

        Assert.That(await SendAsync(new DispatchMessage(reminder)), Is.EqualTo(DispatchResult.Sent));
    }

    [Test]
    public void MessageUrgency_DecidesEveryKind() =>
        Assert.That(MessageUrgency.Decided, Is.EquivalentTo(Enum.GetValues<MessageKind>()));
}
