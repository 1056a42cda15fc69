using Intake.Domain.Consultations;
using Intake.Domain.Messages;
using Intake.Domain.Messages.Inbound;
using Intake.Tests.Support;
using Intake.Worker.Dispatch;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;
using NodaTime;
using NodaTime.Testing;

namespace Intake.Tests.Worker;

/// <summary>
/// Sends whose outcome is not a clean answer: a timeout after Twilio took the text, a dropped connection, a sender
/// that throws, a send slower than its lease, and a text Twilio later reports undelivered.
/// </summary>
public class SendOutcomeTests
{
    // Wednesday 10 March 2027, 12:00 UTC: midday for the prospect in London, no quiet hours in the way.
    private static readonly Instant Start = Instant.FromUtc(2027, 3, 10, 12, 0);
    private const int WaitSeconds = 300;

    private FakeClock _clock = null!;
    private TestDatabase _database = null!;
    private FakeTwilio _twilio = null!;
    private SimpleSmtpServer _smtp = null!;
    private ServiceProvider _services = null!;

    [SetUp]
    public async Task SetUp()
    {
        _clock = new FakeClock(Start);
        _database = new TestDatabase();
        _twilio = await FakeTwilio.StartAsync();
        _smtp = SimpleSmtpServer.Start();
        _services = await InProcessWorker.BuildAsync(_database, _clock, new Dictionary<string, string?>(InProcessWorker.TwilioSettings(_twilio))
        {
            ["Twilio:WebhookBaseUrl"] = TwilioWebhookSigner.PublicBaseUrl,
            ["Twilio:TimeoutSeconds"] = "8",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = _smtp.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Smtp:TimeoutSeconds"] = "2",
            ["Dispatch:ClaimLeaseSeconds"] = "9",
            ["Dispatch:MaxAttempts"] = "3",
            ["Dispatch:RetryBaseSeconds"] = "10",
            ["Dispatch:UnknownOutcomeWaitSeconds"] = WaitSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Dispatch:MaxPerSecondSms"] = "0",
            ["Dispatch:MaxPerSecondEmail"] = "0",
        });
    }

    [TearDown]
    public async Task TearDown()
    {
        await _services.DisposeAsync();
        _smtp.Dispose();
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

    private async Task<OutboundMessage> LoadAsync(MessageId id)
    {
        await using var db = _database.Open();
        return await db.Messages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private async Task<MessageId> AddAsync(OutboundMessage message)
    {
        await using var db = _database.Open();
        db.Messages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    [Test]
    public async Task Dispatch_TwilioTakesTheTextButTheAnswerTimesOut_WaitsForTheStatusReportAndNeverSendsAgain()
    {
        var id = await TextAcknowledgementAsync();
        var silent = _twilio.AcceptButNeverAnswerNext();

        var result = await SendAsync(new DispatchMessage(id));
        silent.SetResult();

        var waiting = await LoadAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(DispatchResult.OutcomeUnknown));
            Assert.That(waiting.Status, Is.EqualTo(MessageStatus.Sending), "waits in Sending, not Pending");
            Assert.That(waiting.ClaimExpiresAt, Is.EqualTo(Start + Duration.FromSeconds(WaitSeconds)));
            Assert.That(waiting.LastError, Does.StartWith("outcome unknown"));
        });

        // Twilio's status callback names the message: it adopts the row as sent.
        var sid = _twilio.Accepted.Single().Sid;
        Assert.That(await SendAsync(new RecordDeliveryStatus(sid, "sent", null, id)), Is.EqualTo(DeliveryStatusOutcome.Recorded));
        _clock.Advance(Duration.FromSeconds(WaitSeconds + 1));
        var again = await SendAsync(new DispatchMessage(id));

        var message = await LoadAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(again, Is.EqualTo(DispatchResult.NotClaimed));
            Assert.That((message.Status, message.ProviderMessageId), Is.EqualTo((MessageStatus.Sent, sid)));
            Assert.That(message.LastError, Is.Null, "the message log no longer says unknown");
            Assert.That(_twilio.Requests, Is.EqualTo(1), "the text went to Twilio once");
        });
    }

    [Test]
    public async Task Dispatch_ConnectionDroppedAndNoReportComes_RetriesOnceAfterTheWait()
    {
        var id = await TextAcknowledgementAsync();
        var hold = _twilio.HoldNext();

        var first = SendAsync(new DispatchMessage(id));
        Assert.That(await _twilio.WaitForAsync(t => t.Requests == 1, TimeSpan.FromSeconds(30)), Is.True);
        hold.SetResult();
        Assert.That(await first, Is.EqualTo(DispatchResult.OutcomeUnknown));

        _clock.Advance(Duration.FromSeconds(WaitSeconds - 1));
        var tooSoon = await SendAsync(new DispatchMessage(id));
        _clock.Advance(Duration.FromSeconds(2));
        var retried = await SendAsync(new DispatchMessage(id));

        var message = await LoadAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(tooSoon, Is.EqualTo(DispatchResult.NotClaimed), "nothing before the wait is over");
            Assert.That(retried, Is.EqualTo(DispatchResult.Sent));
            Assert.That((message.Status, message.Attempts), Is.EqualTo((MessageStatus.Sent, 2)));
            Assert.That(_twilio.Requests, Is.EqualTo(2), "one retry");
            Assert.That(_twilio.Accepted, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Dispatch_NoAnswerTwice_EndsFailedWithTheReason()
    {
        var id = await TextAcknowledgementAsync();
        for (var i = 1; i <= 2; i++)
        {
            var hold = _twilio.HoldNext();
            var attempt = SendAsync(new DispatchMessage(id));
            var sent = i;
            Assert.That(await _twilio.WaitForAsync(t => t.Requests == sent, TimeSpan.FromSeconds(30)), Is.True);
            hold.SetResult();
            await attempt;
            _clock.Advance(Duration.FromSeconds(WaitSeconds + 1));
        }

        var message = await LoadAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(message.Status, Is.EqualTo(MessageStatus.Failed));
            Assert.That(message.LastError, Does.StartWith("no answer from the provider twice"));
            Assert.That(_twilio.Requests, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Dispatch_SenderThrowsEveryTime_CountsEachAttemptAndEndsFailedAfterMaxAttempts()
    {
        // MailKit cannot parse this recipient: MailboxAddress.Parse throws inside the sender, every time.
        var id = await AddAsync(OutboundMessage.Email(null, MessageKind.DailyAgenda, "not an address <<", "Agenda", "Body", Start));

        var results = new List<DispatchResult>();
        for (var i = 0; i < 3; i++)
        {
            results.Add(await SendAsync(new DispatchMessage(id)));
            _clock.Advance(Duration.FromHours(1));
        }

        var message = await LoadAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(results, Is.EqualTo(new[] { DispatchResult.RetryLater, DispatchResult.RetryLater, DispatchResult.Failed }));
            Assert.That((message.Status, message.Attempts), Is.EqualTo((MessageStatus.Failed, 3)));
            Assert.That(message.LastError, Does.StartWith("gave up after 3 attempts: sender failed (ParseException)"));
            Assert.That(message.ClaimExpiresAt, Is.Null, "not reclaimed every lease");
            Assert.That(_smtp.ReceivedEmailCount, Is.Zero);
        });
    }

    [Test]
    public async Task Dispatch_SendSlowerThanTheLease_IsNotTakenByASecondJob()
    {
        var id = await TextAcknowledgementAsync();
        var hold = _twilio.HoldNext();

        var first = SendAsync(new DispatchMessage(id));
        Assert.That(await _twilio.WaitForAsync(t => t.Requests == 1, TimeSpan.FromSeconds(30)), Is.True);
        // The lease (9 s of the clock) runs out while the send is in flight (Twilio holds it, short of the sender's
        // 8 s timeout); the heartbeat, every 3 s, extends it from the new time.
        _clock.Advance(Duration.FromSeconds(60));
        var extended = await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(30), async () =>
            !first.IsCompleted && (await LoadAsync(id)).ClaimExpiresAt > _clock.GetCurrentInstant());
        var second = await SendAsync(new DispatchMessage(id));
        hold.SetResult();
        await first;

        Assert.Multiple(() =>
        {
            Assert.That(extended, Is.True, "the claim was extended while the send was in flight");
            Assert.That(second, Is.EqualTo(DispatchResult.NotClaimed));
            Assert.That(_twilio.Requests, Is.EqualTo(1));
        });
    }

    [TestCase(30003)]
    [TestCase(30005)]
    public async Task StatusReport_TextUndeliveredToTheNumber_QueuesTheSameWordsByEmailOnce(int code)
    {
        var id = await TextAcknowledgementAsync();
        Assert.That(await SendAsync(new DispatchMessage(id)), Is.EqualTo(DispatchResult.Sent));
        var text = await LoadAsync(id);

        var first = await SendAsync(new RecordDeliveryStatus(text.ProviderMessageId, "undelivered", code));
        var repeated = await SendAsync(new RecordDeliveryStatus(text.ProviderMessageId, "undelivered", code));

        await using var db = _database.Open();
        var emails = await db.Messages.Where(m => m.Kind == MessageKind.Acknowledgement && m.Channel == ContactChannel.Email).ToListAsync();
        var after = await LoadAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That((first, repeated), Is.EqualTo((DeliveryStatusOutcome.Recorded, DeliveryStatusOutcome.AlreadyRecorded)));
            Assert.That(emails, Has.Count.EqualTo(1), "one email, however often the report comes");
            Assert.That(emails[0].Recipient, Is.EqualTo("jane@example.com"));
            Assert.That(emails[0].Body, Does.StartWith(text.Body.Replace(" Reply STOP to opt out.", string.Empty, StringComparison.Ordinal)));
            Assert.That(emails[0].Status, Is.EqualTo(MessageStatus.Pending));
            Assert.That((after.DeliveryStatus, after.ProviderErrorCode), Is.EqualTo(("undelivered", (int?)code)));
            Assert.That(after.LastError, Does.Contain("sent by email instead"));
        });
    }

    [Test]
    public async Task StatusReport_UndeliveredForAnAccountReason_QueuesNoEmail()
    {
        var id = await TextAcknowledgementAsync();
        await SendAsync(new DispatchMessage(id));
        var text = await LoadAsync(id);

        await SendAsync(new RecordDeliveryStatus(text.ProviderMessageId, "failed", 30007)); // carrier filtered as spam

        await using var db = _database.Open();
        Assert.That(await db.Messages.CountAsync(m => m.Kind == MessageKind.Acknowledgement && m.Channel == ContactChannel.Email), Is.Zero);
    }
}
