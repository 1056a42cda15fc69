using Intake.Domain.Availability;
using Intake.Domain.Consultations;
using Intake.Domain.Data;
using Intake.Domain.Messages;
using Intake.Tests.Support;
using Intake.Worker.Dispatch;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Intake.Tests.Worker;

/// <summary>
/// Reminders written, replaced and withdrawn in the save of the change that causes them, and the Worker's dispatch
/// (outbox sink) driven past every reminder time with a FakeClock.
/// </summary>
public class ReminderPersistenceTests
{
    // Wednesday 10 March 2027, 07:00 EST. The prospect lives in London.
    private static readonly Instant Start = Instant.FromUtc(2027, 3, 10, 12, 0);

    // Monday 15 March 09:00 EDT = 13:00 GMT; 24 h before: Sun 14 Mar 13:00 GMT; 1 h before: Mon 12:00 GMT.
    private static readonly Instant MondayNine = Instant.FromUtc(2027, 3, 15, 13, 0);

    // Wednesday 17 March 10:00 EDT = 14:00 GMT.
    private static readonly Instant WednesdayTen = Instant.FromUtc(2027, 3, 17, 14, 0);

    private static readonly Duration Quarter = Duration.FromMinutes(15);

    private FakeClock _clock = null!;
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    [SetUp]
    public async Task SetUp()
    {
        _clock = new FakeClock(Start);
        _database = new TestDatabase();
        _services = await InProcessWorker.BuildAsync(_database, _clock);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _services.DisposeAsync();
        _database.Dispose();
    }

    private static Prospect Prospect(ContactChannel channel = ContactChannel.Sms, string zone = "Europe/London") =>
        new("Jane Doe", "+12125550199", "jane@example.com", channel, channel == ContactChannel.Sms, DateTimeZoneProviders.Tzdb[zone]);

    private async Task<ConsultationRequestId> ConfirmedAsync(Instant start, Prospect? prospect = null)
    {
        ConsultationRequestId id;
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            var request = ConsultationRequest.HoldSlot(
                prospect ?? Prospect(), null, new Slot("t1", start, start + Quarter), Duration.Zero, _clock.GetCurrentInstant());
            db.ConsultationRequests.Add(request);
            await db.SaveChangesAsync();
            id = request.Id;
        }

        Assert.That((await ActAsync(id, r => r.Confirm(_clock.GetCurrentInstant()))).IsOk, Is.True);
        return id;
    }

    private async Task<TransitionResult> ActAsync(ConsultationRequestId id, Func<ConsultationRequest, TransitionResult> transition)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var request = await db.ConsultationRequests.Include(r => r.Holds).SingleAsync(r => r.Id == id);
        var result = transition(request);
        await db.SaveChangesAsync();
        return result;
    }

    private Task<TransitionResult> RescheduleAsync(ConsultationRequestId id, Instant to) =>
        ActAsync(id, r => r.Reschedule(new Slot("t1", to, to + Quarter), Duration.Zero, _clock.GetCurrentInstant()));

    private async Task<List<OutboundMessage>> RemindersAsync()
    {
        await using var db = _database.Open();
        return (await db.Messages.Where(m => m.Kind == MessageKind.Reminder).ToListAsync()).OrderBy(m => m.DueAt).ToList();
    }

    /// <summary>What the Worker's scanner and jobs do: every due message found and dispatched. Returns those sent.</summary>
    private async Task<List<MessageId>> DispatchDueAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var sent = new List<MessageId>();
        foreach (var id in (await mediator.Send(new QueueDueMessages(100, Duration.FromSeconds(120)))).Ids)
        {
            if (await mediator.Send(new DispatchMessage(id)) == DispatchResult.Sent)
                sent.Add(id);
        }

        return sent;
    }

    /// <summary>Moves the clock to each instant in turn (and a minute past it), dispatching at every step.</summary>
    private async Task<List<MessageId>> DriveThroughAsync(params Instant[] instants)
    {
        var sent = new List<MessageId>();
        foreach (var instant in instants.Order())
        {
            _clock.Reset(instant);
            sent.AddRange(await DispatchDueAsync());
            _clock.Reset(instant + Duration.FromMinutes(1));
            sent.AddRange(await DispatchDueAsync());
        }

        return sent;
    }

    private string[] OutboxFiles() =>
        Directory.Exists(_database.OutboxFolder) ? Directory.GetFiles(_database.OutboxFolder, "*.txt") : [];

    [Test]
    public async Task Confirm_WritesTwoPendingRemindersDueBeforeTheCallInTheProspectsTime()
    {
        var id = await ConfirmedAsync(MondayNine);

        var reminders = await RemindersAsync();
        await using var db = _database.Open();
        var code = await db.ConsultationRequests.Where(r => r.Id == id).Select(r => r.ShortCode).SingleAsync();

        Assert.That(reminders.Select(m => (m.DueAt, m.NotAfter, m.Status)), Is.EqualTo(new[]
        {
            (MondayNine - Duration.FromHours(24), (Instant?)MondayNine, MessageStatus.Pending),
            (MondayNine - Duration.FromHours(1), (Instant?)MondayNine, MessageStatus.Pending),
        }));
        Assert.That(reminders, Has.All.Matches<OutboundMessage>(m =>
            m.ConsultationRequestId == id && m.Channel == ContactChannel.Sms && m.Recipient == "+12125550199"
            && m.CreatedAt == Start
            && m.Body == "Calm Harbor Counseling reminder: your free phone consultation is Mon 15 Mar, 1:00 PM GMT. "
                + $"Reply C to confirm, or change or cancel: http://127.0.0.1:5080/m/{code}. Questions: +1 212-555-0100"));
    }

    [Test]
    public async Task Confirm_ByEmail_WritesReminderEmailsWithTheManageLink()
    {
        await ConfirmedAsync(MondayNine, Prospect(ContactChannel.Email, "America/Los_Angeles"));

        var reminders = await RemindersAsync();

        Assert.That(reminders, Has.Count.EqualTo(2));
        Assert.That(reminders, Has.All.Matches<OutboundMessage>(m =>
            m.Channel == ContactChannel.Email && m.Recipient == "jane@example.com"
            && m.Subject == "Reminder: your consultation with Calm Harbor Counseling on Mon 15 Mar, 6:00 AM PDT"
            && m.Body.Contains("Manage or cancel your request: http://127.0.0.1:5080/manage/", StringComparison.Ordinal)));
    }

    [Test]
    public async Task Confirm_CallEarlyInTheMorning_MovesTheReminderBeforeQuietHoursAndDropsAPastOne()
    {
        // Confirmed Sun 14 Mar 22:00 EDT for Mon 15 Mar 08:30 EDT: the 24 h reminder (Sun 08:30) has passed and the
        // 1 h one (07:30, quiet) moved to Sun 21:00 EDT, also past: no reminder at all rather than a late one.
        _clock.Reset(Instant.FromUtc(2027, 3, 15, 2, 0));
        await ConfirmedAsync(Instant.FromUtc(2027, 3, 15, 12, 30), Prospect(zone: "America/New_York"));
        Assert.That(await RemindersAsync(), Is.Empty);
    }

    [Test]
    public async Task Confirm_CallAcrossTheSpringChange_RemindsTwentyFourRealHoursBeforeAndNamesTheCallsOwnTime()
    {
        // Sunday 14 March 10:00 EDT; New York moved its clocks forward at 02:00 that morning.
        var sundayTen = Instant.FromUtc(2027, 3, 14, 14, 0);
        await ConfirmedAsync(sundayTen, Prospect(zone: "America/New_York"));

        var reminders = await RemindersAsync();
        var zone = DateTimeZoneProviders.Tzdb["America/New_York"];

        Assert.That(reminders.Select(m => m.DueAt.InZone(zone).LocalDateTime.ToString("ddd HH:mm", null)), Is.EqualTo(new[] { "Sat 09:00", "Sun 09:00" }));
        Assert.That(reminders, Has.All.Matches<OutboundMessage>(m => m.Body.Contains("is Sun 14 Mar, 10:00 AM EDT.", StringComparison.Ordinal)));
    }

    [Test]
    public async Task Reschedule_CancelsTheOldRemindersAndPlansNewOnesInTheSameSave()
    {
        var id = await ConfirmedAsync(MondayNine);
        _clock.Advance(Duration.FromHours(1));

        Assert.That((await RescheduleAsync(id, WednesdayTen)).IsOk, Is.True);

        var reminders = await RemindersAsync();
        Assert.That(reminders.Select(m => (m.DueAt, m.NotAfter, m.Status)), Is.EquivalentTo(new[]
        {
            (MondayNine - Duration.FromHours(24), (Instant?)MondayNine, MessageStatus.Cancelled),
            (MondayNine - Duration.FromHours(1), (Instant?)MondayNine, MessageStatus.Cancelled),
            (WednesdayTen - Duration.FromHours(24), (Instant?)WednesdayTen, MessageStatus.Pending),
            (WednesdayTen - Duration.FromHours(1), (Instant?)WednesdayTen, MessageStatus.Pending),
        }));
        Assert.That(reminders.Where(m => m.Status == MessageStatus.Pending).Select(m => m.Body),
            Has.All.Contains("is Wed 17 Mar, 2:00 PM GMT."));
    }

    [Test]
    public async Task Reschedule_AfterTheFirstReminderWentOut_KeepsItAndReplacesOnlyThePendingOne()
    {
        var id = await ConfirmedAsync(MondayNine);
        await DriveThroughAsync(MondayNine - Duration.FromHours(24));
        Assert.That((await RemindersAsync()).Select(m => m.Status), Is.EqualTo(new[] { MessageStatus.Sent, MessageStatus.Pending }));

        Assert.That((await RescheduleAsync(id, WednesdayTen)).IsOk, Is.True);

        var statuses = (await RemindersAsync()).Select(m => (m.NotAfter, m.Status)).ToList();
        Assert.That(statuses, Is.EquivalentTo(new[]
        {
            ((Instant?)MondayNine, MessageStatus.Sent),
            ((Instant?)MondayNine, MessageStatus.Cancelled),
            ((Instant?)WednesdayTen, MessageStatus.Pending),
            ((Instant?)WednesdayTen, MessageStatus.Pending),
        }));
    }

    [TestCase("cancel by prospect")]
    [TestCase("cancel by therapist")]
    [TestCase("decline")]
    public async Task CallOff_CancelsEveryPendingReminder(string how)
    {
        var id = await ConfirmedAsync(MondayNine);
        var now = _clock.GetCurrentInstant();

        var result = await ActAsync(id, r => how switch
        {
            "cancel by prospect" => r.Cancel(CancelledBy.Prospect, now),
            "cancel by therapist" => r.Cancel(CancelledBy.Therapist, now),
            _ => r.Decline(null, "t1", now),
        });

        Assert.That(result.IsOk, Is.True);
        Assert.That((await RemindersAsync()).Select(m => m.Status), Is.EqualTo(new[] { MessageStatus.Cancelled, MessageStatus.Cancelled }));
    }

    [Test]
    public async Task Complete_AfterTheCallStarted_WithdrawsAReminderStillPending()
    {
        // A reminder that could not be sent before the call (the provider was down) is not sent afterwards.
        var id = await ConfirmedAsync(MondayNine);
        _clock.Reset(MondayNine + Duration.FromMinutes(20));

        Assert.That((await ActAsync(id, r => r.Complete(_clock.GetCurrentInstant()))).IsOk, Is.True);

        Assert.That((await RemindersAsync()).Select(m => m.Status), Has.All.EqualTo(MessageStatus.Cancelled));
    }

    [Test]
    public async Task NoStaleReminder_RescheduledThenCancelled_NothingIsSentAtAnyOldReminderTime()
    {
        var id = await ConfirmedAsync(MondayNine);
        Assert.That((await RescheduleAsync(id, WednesdayTen)).IsOk, Is.True);
        Assert.That((await ActAsync(id, r => r.Cancel(CancelledBy.Prospect, _clock.GetCurrentInstant()))).IsOk, Is.True);
        var reminders = await RemindersAsync();
        var reminderIds = reminders.Select(m => m.Id).ToList();
        Assert.That(reminders.Select(m => m.Status), Has.All.EqualTo(MessageStatus.Cancelled), "cancelled by the saves that moved and cancelled the call");

        var sent = await DriveThroughAsync(
            Start,
            MondayNine - Duration.FromHours(24), MondayNine - Duration.FromHours(1), MondayNine,
            WednesdayTen - Duration.FromHours(24), WednesdayTen - Duration.FromHours(1), WednesdayTen + Duration.FromDays(1));

        Assert.Multiple(async () =>
        {
            Assert.That(reminderIds, Has.Count.EqualTo(4));
            Assert.That(await KindsAsync(sent), Does.Contain(MessageKind.Cancelled), "the dispatch did run: the cancellation went out");
            Assert.That(sent.Intersect(reminderIds), Is.Empty);
            Assert.That(reminderIds.Where(r => OutboxFiles().Any(f => f.Contains(r.ToString(), StringComparison.Ordinal))), Is.Empty);
            Assert.That((await RemindersAsync()).Select(m => m.Status), Has.All.EqualTo(MessageStatus.Cancelled));
        });
    }

    [Test]
    public async Task NoStaleReminder_Rescheduled_OnlyTheNewTimesRemindersGoOutEachAtItsTime()
    {
        var id = await ConfirmedAsync(MondayNine);
        Assert.That((await RescheduleAsync(id, WednesdayTen)).IsOk, Is.True);
        var newReminders = (await RemindersAsync()).Where(m => m.Status == MessageStatus.Pending).Select(m => m.Id).ToList();

        var atOldTimes = await DriveThroughAsync(MondayNine - Duration.FromHours(24), MondayNine - Duration.FromHours(1), MondayNine);
        _clock.Reset(WednesdayTen - Duration.FromHours(24) - Duration.FromSeconds(1));
        var justBefore = await DispatchDueAsync();
        var atFirst = await DriveThroughAsync(WednesdayTen - Duration.FromHours(24));
        var atSecond = await DriveThroughAsync(WednesdayTen - Duration.FromHours(1));

        Assert.Multiple(async () =>
        {
            Assert.That(await KindsAsync(atOldTimes), Does.Not.Contain(MessageKind.Reminder));
            Assert.That(justBefore, Is.Empty);
            Assert.That(atFirst, Is.EqualTo(new[] { newReminders[0] }));
            Assert.That(atSecond, Is.EqualTo(new[] { newReminders[1] }));
            Assert.That(newReminders.Select(r => File.ReadAllText(Path.Combine(_database.OutboxFolder, $"{r}.sms.txt"))),
                Has.All.Contains("your free phone consultation is Wed 17 Mar, 2:00 PM GMT."));
        });
    }

    private async Task<List<MessageKind>> KindsAsync(IEnumerable<MessageId> ids)
    {
        var wanted = ids.ToList();
        await using var db = _database.Open();
        return (await db.Messages.AsNoTracking().ToListAsync()).Where(m => wanted.Contains(m.Id)).Select(m => m.Kind).ToList();
    }
}
