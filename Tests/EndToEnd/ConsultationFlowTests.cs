using System.Net;
using System.Net.Http.Json;
using Intake.Domain.Messages;
using Intake.Tests.Support;
using Microsoft.EntityFrameworkCore;
using netDumbster.smtp;

namespace Intake.Tests.EndToEnd;

/// <summary>
/// The whole path on the embedded default: a request posted to the real Api, the real Worker process finds its
/// messages and sends them with the real Twilio SDK (to the fake Twilio) and MailKit (to an in-process SMTP server).
/// </summary>
[Category("EndToEnd")]
public class ConsultationFlowTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private TestDatabase _database = null!;
    private FakeTwilio _twilio = null!;
    private SimpleSmtpServer _smtp = null!;
    private ApiFactory _api = null!;

    [SetUp]
    public async Task SetUp()
    {
        _database = new TestDatabase();
        _twilio = await FakeTwilio.StartAsync();
        _smtp = SimpleSmtpServer.Start();
        _api = new ApiFactory(_database);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _api.DisposeAsync();
        _smtp.Dispose();
        await _twilio.DisposeAsync();
        _database.Dispose();
    }

    private HostProcess StartWorker(double leaseSeconds = 120, double? unknownOutcomeWaitSeconds = null) => HostProcess.Worker(_database.Folder, new Dictionary<string, string?>(
        InProcessWorker.TwilioSettings(_twilio))
    {
        ["Storage:Provider"] = TestDatabase.Provider.ToString(),
        ["Storage:ConnectionString"] = _database.ConnectionString,
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = _smtp.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Dispatch:PollIntervalSeconds"] = "0.2",
        ["Dispatch:ClaimLeaseSeconds"] = leaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // Every sender's timeout is shorter than the lease, or the Worker refuses to start.
        ["Twilio:TimeoutSeconds"] = (leaseSeconds / 2).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:TimeoutSeconds"] = (leaseSeconds / 2).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Dispatch:UnknownOutcomeWaitSeconds"] = (unknownOutcomeWaitSeconds ?? 300).ToString(System.Globalization.CultureInfo.InvariantCulture),
        // The daily agenda is a recurring job on the wall clock; it must not add an email to the counts here.
        ["Jobs:AgendaSchedule"] = "0 0 1 1 *",
    });

    private static Task<bool> EventuallyAsync(Func<Task<bool>> condition) => Eventually.TrueWithinAsync(Patience, condition);

    private async Task<List<OutboundMessage>> MessagesAsync()
    {
        await using var db = _database.Open();
        return await db.Messages.AsNoTracking().ToListAsync();
    }

    [Test]
    public async Task RequestByText_ReachesTwilioAsATextAndTheTherapistAsAnEmail()
    {
        using var worker = StartWorker();
        using var client = _api.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/consultations", Requests.Json(Requests.ByText("Europe/London")));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var delivered = await EventuallyAsync(async () => (await MessagesAsync()).All(m => m.Status == MessageStatus.Sent));
        Assert.That(delivered, Is.True, worker.Output);

        var text = _twilio.Accepted.Single();
        Assert.Multiple(() =>
        {
            Assert.That(text.To, Is.EqualTo("+12125550199"));
            Assert.That(text.From, Is.EqualTo(FakeTwilio.From));
            Assert.That(text.Body, Does.StartWith("Calm Harbor Counseling: we received your request"));
            Assert.That(text.Body, Does.Match(@"\(\w{3} \d{1,2} \w{3}, \d{1,2}:\d{2} [AP]M (GMT|BST)\)"), "the time in the prospect's zone");
            Assert.That(text.Body, Does.Not.Contain("panic").And.Not.Contain("Jane"));
        });

        var email = _smtp.ReceivedEmail.Single();
        Assert.Multiple(() =>
        {
            Assert.That(email.ToAddresses.Select(a => a.Address), Is.EqualTo(new[] { "ada@calmharbor.example" }));
            Assert.That(email.Subject, Is.EqualTo("New consultation request at Calm Harbor Counseling"));
            Assert.That(email.MessageParts[0].BodyData, Does.Match(@"(EST|EDT)\."), "the time in the therapist's zone");
            Assert.That(email.MessageParts[0].BodyData, Does.Not.Contain("panic").And.Not.Contain("Jane"));
        });

        var messages = await MessagesAsync();
        Assert.That(messages.Single(m => m.Kind == MessageKind.Acknowledgement).ProviderMessageId, Is.EqualTo(text.Sid));
        Assert.That(worker.Output, Does.Not.Contain("+12125550199").And.Not.Contain("jane@example.com").And.Not.Contain("panic"),
            "the Worker's log carries ids, not contact details or words");
    }

    [Test]
    public async Task RequestByEmail_AcceptedWhileNoWorkerRuns_ReachesTheProspectByEmailOnceTheWorkerStarts()
    {
        using var client = _api.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/consultations", Requests.Json(Requests.ByEmail("America/Los_Angeles")));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        using var worker = StartWorker();

        var delivered = await EventuallyAsync(() => Task.FromResult(_smtp.ReceivedEmailCount == 2));
        Assert.That(delivered, Is.True, worker.Output);

        var acknowledgement = _smtp.ReceivedEmail.Single(e => e.ToAddresses[0].Address == "jane@example.com");
        Assert.That(acknowledgement.Subject, Is.EqualTo("Your consultation request with Calm Harbor Counseling"));
        Assert.That(acknowledgement.MessageParts[0].BodyData, Does.Match("(PST|PDT)"));
        Assert.That(_twilio.Requests, Is.Zero);
    }

    [Test]
    public async Task WorkerKilledMidSend_NextWorkerSendsTheTextExactlyOnce()
    {
        // The held text ends one of two ways, and both must come to the same: the Worker is killed while it waits for
        // Twilio's answer (its claim lapses a lease after its last heartbeat), or its sender times out first (the
        // outcome is unknown and the row waits as long before its one retry). Either way the next Worker sends it once.
        const double Lease = 12;
        using var client = _api.CreateClient();
        var hold = _twilio.HoldNext();
        var first = StartWorker(Lease, unknownOutcomeWaitSeconds: Lease);

        using var response = await client.PostAsJsonAsync("/api/consultations", Requests.Json(Requests.ByText()));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await _twilio.WaitForAsync(t => t.Requests == 1, Patience), Is.True, first.Output);
        // Kill while the text is in flight and the therapist's alert is done, so this test is about the text.
        var alertRecorded = await EventuallyAsync(async () =>
            (await MessagesAsync()).Single(m => m.Kind == MessageKind.TherapistAlert).Status == MessageStatus.Sent);
        Assert.That(alertRecorded, Is.True, first.Output);

        first.Kill();
        hold.SetResult();
        var stranded = (await MessagesAsync()).Single(m => m.Kind == MessageKind.Acknowledgement);
        Assert.That(stranded.Status, Is.EqualTo(MessageStatus.Sending), "the killed Worker left its claim behind");

        using var second = StartWorker(Lease, unknownOutcomeWaitSeconds: Lease);
        var delivered = await EventuallyAsync(async () => (await MessagesAsync()).All(m => m.Status == MessageStatus.Sent));
        Assert.That(delivered, Is.True, second.Output);

        // Let the second Worker run on past its own lease: nothing more may go out.
        await Task.Delay(TimeSpan.FromSeconds(Lease + 1));
        var acknowledgement = (await MessagesAsync()).Single(m => m.Kind == MessageKind.Acknowledgement);
        var alerts = _smtp.ReceivedEmail.Count(e => e.Subject == "New consultation request at Calm Harbor Counseling");
        Assert.Multiple(() =>
        {
            Assert.That(_twilio.Accepted, Has.Count.EqualTo(1), "texts Twilio accepted");
            Assert.That(_twilio.Requests, Is.EqualTo(2), "the dropped attempt and the one that went through");
            Assert.That(acknowledgement.Attempts, Is.EqualTo(2));
            Assert.That(acknowledgement.ProviderMessageId, Is.EqualTo(_twilio.Accepted.Single().Sid));
            Assert.That(alerts, Is.EqualTo(1), "the therapist's alert, once");
            Assert.That(_smtp.ReceivedEmailCount, Is.EqualTo(1), "and no other email");
        });
    }
}
