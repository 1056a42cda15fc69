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
/// What dispatch refuses to send after its claim: a message past its time, one whose call no longer stands, a text to
/// a number that opted out; and how Twilio's permanent refusals of a number turn into an email.
/// </summary>
public class DispatchGuardsTests
{
    // Wednesday 10 March 2027, 12:00 UTC; the held call is on Monday 15 March, 09:00 New York time.
    private static readonly Instant Start = Instant.FromUtc(2027, 3, 10, 12, 0);
    private static readonly Instant MondayNine = Instant.FromUtc(2027, 3, 15, 13, 0);
    private const string ProspectPhone = "+12125550199";

    private FakeClock _clock = null!;
    private TestDatabase _database = null!;
    private FakeTwilio _twilio = null!;
    private ServiceProvider _services = null!;

    [SetUp]
    public async Task SetUp()
    {
        _clock = new FakeClock(Start);
        _database = new TestDatabase();
        _twilio = await FakeTwilio.StartAsync();
        _services = await InProcessWorker.BuildAsync(_database, _clock, new Dictionary<string, string?>(InProcessWorker.TwilioSettings(_twilio))
        {
            ["Dispatch:ClaimLeaseSeconds"] = "120",
            ["Dispatch:MaxPerSecondSms"] = "0",
        });
    }

    [TearDown]
    public async Task TearDown()
    {
        await _services.DisposeAsync();
        await _twilio.DisposeAsync();
        _database.Dispose();
    }

    private async Task<T> SendAsync<T>(IRequest<T> request)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    private async Task<MessageId> TextAcknowledgementAsync()
    {
        await SendAsync(Requests.ByText());
        await using var db = _database.Open();
        return await db.Messages.Where(m => m.Kind == MessageKind.Acknowledgement).Select(m => m.Id).SingleAsync();
    }

    private async Task<MessageId> AddAsync(OutboundMessage message)
    {
        await using var db = _database.Open();
        db.Messages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    private async Task<OutboundMessage> LoadAsync(MessageId id)
    {
        await using var db = _database.Open();
        return await db.Messages.SingleAsync(m => m.Id == id);
    }

    private async Task<List<OutboundMessage>> EmailsAsync()
    {
        await using var db = _database.Open();
        return await db.Messages.Where(m => m.Channel == ContactChannel.Email && m.Kind != MessageKind.TherapistAlert).ToListAsync();
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

    [Test]
    public async Task Dispatch_PastItsNotAfter_IsCancelledAndNothingIsSent()
    {
        var now = _clock.GetCurrentInstant();
        var id = await AddAsync(OutboundMessage.Text(null, MessageKind.Acknowledgement, ProspectPhone, "A reminder", now - Duration.FromHours(2))
            .Scheduled(now - Duration.FromHours(1), notAfter: now - Duration.FromMinutes(1)));

        var result = await SendAsync(new DispatchMessage(id));

        var message = await LoadAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(DispatchResult.Cancelled));
            Assert.That((message.Status, message.LastError), Is.EqualTo((MessageStatus.Cancelled, "past its time")));
            Assert.That(_twilio.Requests, Is.Zero);
        });
    }

    [Test]
    public async Task Dispatch_BeforeItsNotAfter_IsSent()
    {
        var now = _clock.GetCurrentInstant();
        var id = await AddAsync(OutboundMessage.Text(null, MessageKind.Acknowledgement, ProspectPhone, "In time", now)
            .Scheduled(now, notAfter: now + Duration.FromMinutes(1)));

        var result = await SendAsync(new DispatchMessage(id));

        Assert.That(result, Is.EqualTo(DispatchResult.Sent));
        Assert.That(_twilio.Accepted, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Dispatch_ConfirmationOfACallCancelledWhileAJobHeldIt_IsCancelledAndNothingIsSent()
    {
        var prospect = new Prospect("Jane Doe", ProspectPhone, "jane@example.com", ContactChannel.Sms, true, DateTimeZoneProviders.Tzdb["Europe/London"]);
        ConsultationRequestId requestId;
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            var request = ConsultationRequest.HoldSlot(prospect, null, new Slot("t1", MondayNine, MondayNine + Duration.FromMinutes(15)), Duration.Zero, Start);
            db.ConsultationRequests.Add(request);
            await db.SaveChangesAsync();
            requestId = request.Id;
        }

        Assert.That((await ActAsync(requestId, r => r.Confirm(_clock.GetCurrentInstant()))).IsOk, Is.True);
        MessageId confirmation;
        await using (var db = _database.Open())
        {
            confirmation = await db.Messages.Where(m => m.Kind == MessageKind.Confirmed && m.Channel == ContactChannel.Sms).Select(m => m.Id).SingleAsync();
            // A Worker claimed the confirmation and was killed before Twilio answered: the row is left Sending, so the
            // cancel below cannot withdraw it.
            var leaseEnds = _clock.GetCurrentInstant() + Duration.FromSeconds(120);
            await db.Messages.Where(m => m.Id == confirmation).ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, MessageStatus.Sending)
                .SetProperty(m => m.ClaimToken, Guid.NewGuid())
                .SetProperty(m => m.ClaimExpiresAt, leaseEnds)
                .SetProperty(m => m.Attempts, 1));
        }

        Assert.That((await ActAsync(requestId, r => r.Cancel(CancelledBy.Prospect, _clock.GetCurrentInstant()))).IsOk, Is.True);
        _clock.Advance(Duration.FromSeconds(121));
        var result = await SendAsync(new DispatchMessage(confirmation));

        var message = await LoadAsync(confirmation);
        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(DispatchResult.Cancelled));
            Assert.That((message.Status, message.LastError), Is.EqualTo((MessageStatus.Cancelled, "call no longer stands")));
            Assert.That(_twilio.Accepted.Select(t => t.Body), Has.None.EqualTo(message.Body));
        });
    }

    [Test]
    public async Task Dispatch_TextToAnOptedOutNumber_SendsNoTextAndQueuesTheSameWordsByEmail()
    {
        var id = await TextAcknowledgementAsync();
        await using (var db = _database.Open())
        {
            db.SmsOptOuts.Add(SmsOptOut.For(ProspectPhone, _clock.GetCurrentInstant()));
            await db.SaveChangesAsync();
        }

        var result = await SendAsync(new DispatchMessage(id));

        var text = await LoadAsync(id);
        var email = (await EmailsAsync()).Single();
        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(DispatchResult.Cancelled));
            Assert.That(_twilio.Requests, Is.Zero);
            Assert.That((text.Status, text.LastError), Is.EqualTo((MessageStatus.Cancelled, "opted out")));
            Assert.That((email.Kind, email.Recipient, email.Status), Is.EqualTo((MessageKind.Acknowledgement, "jane@example.com", MessageStatus.Pending)));
            Assert.That(email.ConsultationRequestId, Is.EqualTo(text.ConsultationRequestId));
            Assert.That(email.Subject, Is.EqualTo("A message from Calm Harbor Counseling"));
            Assert.That(text.Body, Does.StartWith(email.Body).And.EndWith("Reply STOP to opt out."));
            Assert.That(email.Body, Does.Not.Contain("STOP"));
            Assert.That(email.DueAt, Is.EqualTo(_clock.GetCurrentInstant()));
        });

        Assert.That(await SendAsync(new DispatchMessage(email.Id)), Is.EqualTo(DispatchResult.Sent), "the email goes out");
    }

    [Test]
    public async Task Dispatch_TextToAnOptedOutNumberWithNoAddress_FailsAndQueuesNothing()
    {
        var id = await AddAsync(OutboundMessage.Text(null, MessageKind.TherapistAlert, "+12125550101", "New request", _clock.GetCurrentInstant()));
        await using (var db = _database.Open())
        {
            db.SmsOptOuts.Add(SmsOptOut.For("+12125550101", _clock.GetCurrentInstant()));
            await db.SaveChangesAsync();
        }

        var result = await SendAsync(new DispatchMessage(id));

        var message = await LoadAsync(id);
        Assert.That(result, Is.EqualTo(DispatchResult.Failed));
        Assert.That((message.Status, message.LastError), Is.EqualTo((MessageStatus.Failed, "opted out")));
        Assert.That(await _database.CountRowsAsync(), Is.EqualTo((0, 1)));
        Assert.That(_twilio.Requests, Is.Zero);
    }

    [TestCase(21211, false)]
    [TestCase(21614, false)]
    [TestCase(21610, true)]
    [TestCase(21408, false)]
    public async Task Dispatch_TwilioRefusesTheNumber_FailsRecordsTheCodeAndQueuesAnEmail(int code, bool optsOut)
    {
        var id = await TextAcknowledgementAsync();
        _twilio.FailNext(400, code);

        var result = await SendAsync(new DispatchMessage(id));
        _clock.Advance(Duration.FromHours(2));
        var later = await SendAsync(new DispatchMessage(id));

        var text = await LoadAsync(id);
        var email = (await EmailsAsync()).Single();
        await using var db = _database.Open();
        var optedOut = await db.SmsOptOuts.AnyAsync(o => o.Phone == ProspectPhone);
        Assert.Multiple(() =>
        {
            Assert.That((result, later), Is.EqualTo((DispatchResult.Failed, DispatchResult.NotClaimed)));
            Assert.That((text.Status, text.ProviderErrorCode, text.LastError), Is.EqualTo((MessageStatus.Failed, (int?)code, $"twilio http 400 code {code}")));
            Assert.That((email.Kind, email.Recipient, email.Status), Is.EqualTo((MessageKind.Acknowledgement, "jane@example.com", MessageStatus.Pending)));
            Assert.That(optedOut, Is.EqualTo(optsOut));
            Assert.That(_twilio.Requests, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Dispatch_TwilioRefusesTheRequestItself_FailsWithTheCodeAndNoEmail()
    {
        var id = await TextAcknowledgementAsync();
        _twilio.FailNext(400, 21602); // message body is required: our fault, not the number's

        var result = await SendAsync(new DispatchMessage(id));

        var text = await LoadAsync(id);
        Assert.That(result, Is.EqualTo(DispatchResult.Failed));
        Assert.That((text.Status, text.ProviderErrorCode), Is.EqualTo((MessageStatus.Failed, (int?)21602)));
        Assert.That(await EmailsAsync(), Is.Empty);
    }

    [Test]
    public async Task Dispatch_WithAWebhookBase_AsksTwilioForStatusCallbacks()
    {
        await using var services = await InProcessWorker.BuildAsync(_database, _clock, new Dictionary<string, string?>(InProcessWorker.TwilioSettings(_twilio))
        {
            ["Twilio:WebhookBaseUrl"] = "https://intake.example.org/",
        });
        var id = await TextAcknowledgementAsync();

        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new DispatchMessage(id));

        Assert.That(_twilio.Accepted.Single().StatusCallback, Is.EqualTo($"https://intake.example.org/api/twilio/status?m={id}"),
            "the callback names our message, so the Api can record the send if this Worker dies first");
    }

    [Test]
    public async Task Dispatch_WithoutAWebhookBase_AsksForNoStatusCallback()
    {
        var id = await TextAcknowledgementAsync();

        await SendAsync(new DispatchMessage(id));

        Assert.That(_twilio.Accepted.Single().StatusCallback, Is.Empty);
    }

    [TestCase(MessageKind.Confirmed, ConsultationStatus.Confirmed, true)]
    [TestCase(MessageKind.Confirmed, ConsultationStatus.Cancelled, false)]
    [TestCase(MessageKind.Confirmed, ConsultationStatus.Completed, false)]
    [TestCase(MessageKind.Rescheduled, ConsultationStatus.Confirmed, true)]
    [TestCase(MessageKind.Rescheduled, ConsultationStatus.Cancelled, false)]
    [TestCase(MessageKind.Acknowledgement, ConsultationStatus.Pending, true)]
    [TestCase(MessageKind.Acknowledgement, ConsultationStatus.Confirmed, true)]
    [TestCase(MessageKind.Acknowledgement, ConsultationStatus.Cancelled, false)]
    [TestCase(MessageKind.Acknowledgement, ConsultationStatus.Declined, false)]
    [TestCase(MessageKind.TherapistAlert, ConsultationStatus.Expired, false)]
    [TestCase(MessageKind.TherapistAlert, ConsultationStatus.Requested, true)]
    [TestCase(MessageKind.AlternativesProposed, ConsultationStatus.Requested, true)]
    [TestCase(MessageKind.AlternativesProposed, ConsultationStatus.Confirmed, false)]
    [TestCase(MessageKind.Cancelled, ConsultationStatus.Cancelled, true)]
    [TestCase(MessageKind.Declined, ConsultationStatus.Declined, true)]
    [TestCase(MessageKind.Expired, ConsultationStatus.Expired, true)]
    [TestCase(MessageKind.TherapistCancelledAlert, ConsultationStatus.Cancelled, true)]
    public void MessageRelevance_ByKindAndState(MessageKind kind, ConsultationStatus status, bool stands) =>
        Assert.That(MessageRelevance.StillStands(kind, status), Is.EqualTo(stands));

    [Test]
    public void MessageRelevance_AReminder_NeedsTheCallStillConfirmed()
    {
        Assert.That(Enum.GetValues<ConsultationStatus>().Where(s => MessageRelevance.StillStands(MessageKind.Reminder, s)),
            Is.EqualTo(new[] { ConsultationStatus.Confirmed }));
    }
}
