using Intake.Domain.Messages;
using Intake.Tests.Support;
using Intake.Worker.Dispatch;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Intake.Tests.Worker;

/// <summary>The dispatch job's claim, send and record, through the real Twilio SDK against the fake Twilio.</summary>
public class DispatchMessageTests
{
    private FakeClock _clock = null!;
    private TestDatabase _database = null!;
    private FakeTwilio _twilio = null!;
    private ServiceProvider _services = null!;

    [SetUp]
    public async Task SetUp()
    {
        _clock = new FakeClock(Instant.FromUtc(2027, 3, 14, 6, 30));
        _database = new TestDatabase();
        _twilio = await FakeTwilio.StartAsync();
        _services = await InProcessWorker.BuildAsync(_database, _clock, new Dictionary<string, string?>(InProcessWorker.TwilioSettings(_twilio))
        {
            ["Dispatch:ClaimLeaseSeconds"] = "120",
            ["Dispatch:RetryBaseSeconds"] = "10",
            ["Dispatch:MaxAttempts"] = "3",
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

    private async Task<OutboundMessage> LoadAsync(MessageId id)
    {
        await using var db = _database.Open();
        return await db.Messages.SingleAsync(m => m.Id == id);
    }

    [Test]
    public async Task Dispatch_DueText_IsSentOnceThroughTwilioAndRecorded()
    {
        var id = await TextAcknowledgementAsync();

        var result = await SendAsync(new DispatchMessage(id));

        Assert.That(result, Is.EqualTo(DispatchResult.Sent));
        var sent = _twilio.Accepted.Single();
        var message = await LoadAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That((sent.To, sent.From), Is.EqualTo(("+12125550199", FakeTwilio.From)));
            Assert.That(sent.Body, Is.EqualTo(message.Body));
            Assert.That(message.Status, Is.EqualTo(MessageStatus.Sent));
            Assert.That(message.ProviderMessageId, Is.EqualTo(sent.Sid));
            Assert.That(message.SentAt, Is.EqualTo(_clock.GetCurrentInstant()));
            Assert.That(message.Attempts, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Dispatch_WithAMessagingService_SendsFromTheServiceInsteadOfANumber()
    {
        await using var services = await InProcessWorker.BuildAsync(_database, _clock, new Dictionary<string, string?>(InProcessWorker.TwilioSettings(_twilio))
        {
            ["Twilio:From"] = "",
            ["Twilio:MessagingServiceSid"] = "MG00000000000000000000000000000001",
        });
        var id = await TextAcknowledgementAsync();

        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new DispatchMessage(id));

        var sent = _twilio.Accepted.Single();
        Assert.That((sent.MessagingServiceSid, sent.From), Is.EqualTo(("MG00000000000000000000000000000001", "")));
    }

    [Test]
    public async Task Dispatch_RunTwiceInARow_SendsOnce()
    {
        var id = await TextAcknowledgementAsync();

        var first = await SendAsync(new DispatchMessage(id));
        var second = await SendAsync(new DispatchMessage(id));

        Assert.That((first, second), Is.EqualTo((DispatchResult.Sent, DispatchResult.NotClaimed)));
        Assert.That(_twilio.Requests, Is.EqualTo(1));
    }

    [Test]
    public async Task Dispatch_TwentyJobsForOneMessageAtOnce_SendsExactlyOnce()
    {
        var id = await TextAcknowledgementAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => SendAsync(new DispatchMessage(id)))));

        Assert.That(results.Count(r => r == DispatchResult.Sent), Is.EqualTo(1));
        Assert.That(results.Count(r => r == DispatchResult.NotClaimed), Is.EqualTo(19));
        Assert.That(_twilio.Requests, Is.EqualTo(1), "requests that reached Twilio");
    }

    [Test]
    public async Task Dispatch_MessageClaimedByAJobThatDied_WaitsForTheLeaseThenSendsOnce()
    {
        var id = await TextAcknowledgementAsync();
        await using (var db = _database.Open())
        {
            // What a Worker killed between its claim and Twilio's answer leaves behind.
            var leaseEnds = _clock.GetCurrentInstant() + Duration.FromSeconds(120);
            await db.Messages.Where(m => m.Id == id).ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, MessageStatus.Sending)
                .SetProperty(m => m.ClaimToken, Guid.NewGuid())
                .SetProperty(m => m.ClaimExpiresAt, leaseEnds)
                .SetProperty(m => m.Attempts, 1));
        }

        var whileHeld = await SendAsync(new DispatchMessage(id));
        var dueWhileHeld = (await SendAsync(new QueueDueMessages(10, Duration.FromSeconds(120)))).Ids;
        _clock.Advance(Duration.FromSeconds(121));
        var dueAfterLease = (await SendAsync(new QueueDueMessages(10, Duration.FromSeconds(120)))).Ids;
        var afterLease = await SendAsync(new DispatchMessage(id));

        Assert.Multiple(async () =>
        {
            Assert.That(whileHeld, Is.EqualTo(DispatchResult.NotClaimed));
            Assert.That(dueWhileHeld, Is.Empty.Or.Not.Contains(id));
            Assert.That(dueAfterLease, Does.Contain(id));
            Assert.That(afterLease, Is.EqualTo(DispatchResult.Sent));
            Assert.That(_twilio.Accepted, Has.Count.EqualTo(1));
            Assert.That((await LoadAsync(id)).Attempts, Is.EqualTo(2));
        });
    }

    [TestCase(429, 20429)]
    [TestCase(500, 20500)]
    [TestCase(503, 20503)]
    public async Task Dispatch_TwilioFailsTransiently_RetriesAfterBackoffAndSendsOnce(int status, int code)
    {
        var id = await TextAcknowledgementAsync();
        _twilio.FailNext(status, code);

        var first = await SendAsync(new DispatchMessage(id));
        var pending = await LoadAsync(id);
        var tooEarly = await SendAsync(new DispatchMessage(id));
        _clock.Advance(Duration.FromSeconds(10));
        var retried = await SendAsync(new DispatchMessage(id));

        Assert.Multiple(async () =>
        {
            Assert.That(first, Is.EqualTo(DispatchResult.RetryLater));
            Assert.That(pending.Status, Is.EqualTo(MessageStatus.Pending));
            Assert.That(pending.DueAt, Is.EqualTo(_clock.GetCurrentInstant()), "due again after the 10 s backoff");
            Assert.That(pending.LastError, Is.EqualTo($"twilio http {status} code {code}"));
            Assert.That(tooEarly, Is.EqualTo(DispatchResult.NotClaimed));
            Assert.That(retried, Is.EqualTo(DispatchResult.Sent));
            Assert.That(_twilio.Accepted, Has.Count.EqualTo(1));
            Assert.That((await LoadAsync(id)).Status, Is.EqualTo(MessageStatus.Sent));
        });
    }

    [Test]
    public async Task Dispatch_TwilioKeepsFailing_GivesUpAfterMaxAttempts()
    {
        var id = await TextAcknowledgementAsync();
        var results = new List<DispatchResult>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            _twilio.FailNext(503, 20503);
            results.Add(await SendAsync(new DispatchMessage(id)));
            _clock.Advance(Duration.FromHours(1));
        }

        var afterGivingUp = await SendAsync(new DispatchMessage(id));

        Assert.That(results, Is.EqualTo(new[] { DispatchResult.RetryLater, DispatchResult.RetryLater, DispatchResult.Failed }));
        Assert.That(afterGivingUp, Is.EqualTo(DispatchResult.NotClaimed));
        Assert.That((await LoadAsync(id)).Status, Is.EqualTo(MessageStatus.Failed));
    }

    [Test]
    public async Task Dispatch_InvalidNumber_FailsWithoutRetrying()
    {
        var id = await TextAcknowledgementAsync();
        _twilio.FailNext(400, 21211);

        var result = await SendAsync(new DispatchMessage(id));
        _clock.Advance(Duration.FromHours(2));
        var later = await SendAsync(new DispatchMessage(id));

        var message = await LoadAsync(id);
        Assert.That((result, later), Is.EqualTo((DispatchResult.Failed, DispatchResult.NotClaimed)));
        Assert.That((message.Status, message.LastError), Is.EqualTo((MessageStatus.Failed, "twilio http 400 code 21211")));
        Assert.That(_twilio.Requests, Is.EqualTo(1));
    }

    [Test]
    public async Task Dispatch_NoEmailServerConfigured_WritesAReadableOutboxFile()
    {
        await SendAsync(Requests.ByEmail());
        await using var db = _database.Open();
        var acknowledgement = await db.Messages.SingleAsync(m => m.Kind == MessageKind.Acknowledgement);

        var result = await SendAsync(new DispatchMessage(acknowledgement.Id));

        Assert.That(result, Is.EqualTo(DispatchResult.Sent));
        var file = File.ReadAllText(Path.Combine(_database.OutboxFolder, $"{acknowledgement.Id}.email.txt"));
        Assert.That(file, Does.StartWith("To: jane@example.com\nSubject: Your consultation request with Calm Harbor Counseling\n"));
        Assert.That(file, Does.Contain("sent Sat 13 Mar, 10:30 PM PST."));
    }
}
