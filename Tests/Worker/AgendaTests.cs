using Intake.Domain.Availability;
using Intake.Domain.Consultations;
using Intake.Domain.Data;
using Intake.Domain.Messages;
using Intake.Domain.Messages.Agenda;
using Intake.Tests.Support;
using Intake.Worker.Agenda;
using Intake.Worker.Dispatch;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Intake.Tests.Worker;

/// <summary>Each therapist's daily agenda: once a day, from 07:30 on their own clock, listing only that day's confirmed calls.</summary>
public class AgendaTests
{
    // Monday 15 March 2027, 06:00 EDT = 10:00 GMT. t1 (Ada) is in New York, t2 (Ben) in London.
    private static readonly Instant MondaySixNewYork = Instant.FromUtc(2027, 3, 15, 10, 0);
    private static readonly Instant MondayHalfSevenNewYork = Instant.FromUtc(2027, 3, 15, 11, 30);
    private static readonly Duration Quarter = Duration.FromMinutes(15);

    private FakeClock _clock = null!;
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    [SetUp]
    public async Task SetUp()
    {
        _clock = new FakeClock(Instant.FromUtc(2027, 3, 10, 12, 0));
        _database = new TestDatabase();
        _services = await InProcessWorker.BuildAsync(_database, _clock, new Dictionary<string, string?>
        {
            ["Practice:Therapists:1:Id"] = "t2",
            ["Practice:Therapists:1:Name"] = "Ben Okafor",
            ["Practice:Therapists:1:Email"] = "ben@calmharbor.example",
            ["Practice:Therapists:1:TimeZone"] = "Europe/London",
            ["Practice:Therapists:1:WeeklyHours:Monday:0"] = "09:00-17:00",
        });
    }

    [TearDown]
    public async Task TearDown()
    {
        await _services.DisposeAsync();
        _database.Dispose();
    }

    private async Task<ConsultationRequestId> BookAsync(string therapist, Instant start, Func<ConsultationRequest, Instant, TransitionResult>? then = null)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var now = _clock.GetCurrentInstant();
        var prospect = new Prospect("Jane Doe", "+12125550199", "jane@example.com", ContactChannel.Email, false, DateTimeZoneProviders.Tzdb["Europe/Paris"]);
        var request = ConsultationRequest.HoldSlot(prospect, Requests.SensitiveWords, new Slot(therapist, start, start + Quarter), Duration.Zero, now);
        if (then is not null)
            Assert.That(then(request, now).IsOk, Is.True);
        db.ConsultationRequests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    }

    private async Task<int> QueueAgendasAsync(Instant at)
    {
        _clock.Reset(at);
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new QueueDailyAgendas());
    }

    private async Task<List<OutboundMessage>> AgendasAsync()
    {
        await using var db = _database.Open();
        return (await db.Messages.Where(m => m.Kind == MessageKind.DailyAgenda).ToListAsync()).OrderBy(m => m.CreatedAt).ToList();
    }

    [Test]
    public async Task Agenda_ListsThatDaysConfirmedCallsInTheTherapistsZoneWithReferencesOnly()
    {
        var nine = await BookAsync("t1", Instant.FromUtc(2027, 3, 15, 13, 0), (r, now) => r.Confirm(now));
        var afternoon = await BookAsync("t1", Instant.FromUtc(2027, 3, 15, 18, 30), (r, now) => r.Confirm(now));
        await BookAsync("t1", Instant.FromUtc(2027, 3, 15, 14, 0)); // pending, not confirmed
        await BookAsync("t1", Instant.FromUtc(2027, 3, 15, 15, 0), (r, now) =>
        {
            r.Confirm(now);
            return r.Cancel(CancelledBy.Prospect, now); // confirmed, then called off
        });
        await BookAsync("t1", Instant.FromUtc(2027, 3, 16, 3, 30), (r, now) => r.Confirm(now)); // Mon 23:30 EDT: still Monday
        await BookAsync("t1", Instant.FromUtc(2027, 3, 16, 4, 0), (r, now) => r.Confirm(now)); // Tue 00:00 EDT
        await BookAsync("t2", Instant.FromUtc(2027, 3, 15, 16, 0), (r, now) => r.Confirm(now)); // Ben's

        await QueueAgendasAsync(MondayHalfSevenNewYork);

        var ada = (await AgendasAsync()).Single(m => m.Recipient == "ada@calmharbor.example");
        Assert.Multiple(() =>
        {
            Assert.That((ada.Channel, ada.ConsultationRequestId, ada.Status), Is.EqualTo((ContactChannel.Email, (ConsultationRequestId?)null, MessageStatus.Pending)));
            Assert.That(ada.Subject, Is.EqualTo("Calm Harbor Counseling: your consultations on Mon 15 Mar 2027"));
            Assert.That(ada.Body, Does.Contain(
                $"- 9:00 AM EDT  Reference: {nine}\n- 2:30 PM EDT  Reference: {afternoon}\n- 11:30 PM EDT  Reference: "));
            Assert.That(ada.Body, Does.Contain("3 in all"));
            Assert.That(ada.Body, Does.Not.Contain("Jane").And.Not.Contain("panic").And.Not.Contain("jane@"));
            Assert.That(ada.DueAt, Is.EqualTo(MondayHalfSevenNewYork));
            Assert.That(ada.NotAfter, Is.EqualTo(Instant.FromUtc(2027, 3, 16, 4, 0)), "not after the day it is about");
        });
    }

    [Test]
    public async Task Agenda_NotBeforeHalfPastSevenOnTheTherapistsOwnClock_ThenOnceADay()
    {
        var counts = new List<int>
        {
            await QueueAgendasAsync(MondaySixNewYork),                                  // 06:00 EDT, 10:00 GMT: Ben only
            await QueueAgendasAsync(MondayHalfSevenNewYork - Duration.FromSeconds(1)),  // 07:29:59 EDT: nobody
            await QueueAgendasAsync(MondayHalfSevenNewYork),                            // 07:30 EDT: Ada
            await QueueAgendasAsync(MondayHalfSevenNewYork),                            // the same run twice: nobody
            await QueueAgendasAsync(MondayHalfSevenNewYork + Duration.FromHours(10)),   // Mon 17:30 EDT, Mon 21:30 GMT: nobody
            await QueueAgendasAsync(Instant.FromUtc(2027, 3, 16, 7, 0)),                // Tue 07:00 GMT, Tue 03:00 EDT: nobody
            await QueueAgendasAsync(Instant.FromUtc(2027, 3, 16, 7, 30)),               // Tue 07:30 GMT: Ben
        };

        var agendas = await AgendasAsync();
        Assert.That(counts, Is.EqualTo(new[] { 1, 0, 1, 0, 0, 0, 1 }));
        Assert.That(agendas.Select(m => (m.Recipient, m.Subject)), Is.EqualTo(new[]
        {
            ("ben@calmharbor.example", "Calm Harbor Counseling: your consultations on Mon 15 Mar 2027"),
            ("ada@calmharbor.example", "Calm Harbor Counseling: your consultations on Mon 15 Mar 2027"),
            ("ben@calmharbor.example", "Calm Harbor Counseling: your consultations on Tue 16 Mar 2027"),
        }));
        Assert.That(agendas.Select(m => m.Body), Has.All.StartWith("No consultations today ("));
    }

    [Test]
    public async Task Agenda_OnTheDayTheClocksGoForward_ComesAtHalfPastSevenLocalTime()
    {
        // Sunday 14 March 2027: New York is on EDT from 02:00, so 07:30 EDT is 11:30 UTC, not 12:30.
        var before = await QueueAgendasAsync(Instant.FromUtc(2027, 3, 14, 11, 29));
        var at = await QueueAgendasAsync(Instant.FromUtc(2027, 3, 14, 11, 30));

        Assert.That(before, Is.EqualTo(1), "Ben's only");
        Assert.That(at, Is.EqualTo(1), "Ada's");
        Assert.That((await AgendasAsync()).Last().Subject, Does.EndWith("Sun 14 Mar 2027"));
    }

    [Test]
    public async Task Agenda_RecurringJob_QueuesAndTheDispatchSendsItOnce()
    {
        _clock.Reset(MondayHalfSevenNewYork);
        await using (var scope = _services.CreateAsyncScope())
        {
            var job = scope.ServiceProvider.GetRequiredService<DailyAgendaJob>();
            await job.RunAsync(CancellationToken.None);
            await job.RunAsync(CancellationToken.None);
        }

        var sent = 0;
        await using (var scope = _services.CreateAsyncScope())
        {
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            foreach (var id in (await mediator.Send(new QueueDueMessages(100, Duration.FromSeconds(120)))).Ids)
                sent += await mediator.Send(new DispatchMessage(id)) == DispatchResult.Sent ? 1 : 0;
        }

        Assert.That(sent, Is.EqualTo(2), "one agenda each for Ada and Ben");
        var files = Directory.GetFiles(_database.OutboxFolder, "*.email.txt").Select(File.ReadAllText).ToList();
        Assert.That(files, Has.Exactly(1).StartsWith("To: ada@calmharbor.example\nSubject: Calm Harbor Counseling: your consultations on Mon 15 Mar 2027\n"));
    }
}
