using System.Net;
using System.Xml.Linq;
using Intake.Domain.Consultations;
using Intake.Domain.Consultations.AlertLinks;
using Intake.Domain.Messages;
using Intake.Domain.Practices;
using Intake.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Api;

/// <summary>
/// The new-request alert by text, and the therapist's "Y" answer to it, through the real Api and Twilio's signed
/// inbound webhook: Ada (t1, New York, +1 212-555-0101 in appsettings.json) and Ben (t2, London, +44 7911 123457) both
/// have AlertBySms on; the prospect texts from +1 212-555-0199.
/// </summary>
public class TextAlertTests : TwoTherapistsTests
{
    private const string InboundPath = "/api/twilio/inbound";
    private const string AdaPhone = "+12125550101";
    private const string BenPhone = "+447911123457";
    private const string ProspectPhone = "+12125550199";
    private const string MondayNine = "2027-03-15T09:00:00-04:00";
    private const int Rounds = 20;

    private readonly SaveGate _gate = new();

    private protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["Twilio:AuthToken"] = TwilioWebhookSigner.AuthToken,
        ["Twilio:WebhookBaseUrl"] = TwilioWebhookSigner.PublicBaseUrl,
        ["Practice:Therapists:0:AlertBySms"] = "true",
    };

    private protected override TherapistOptions SecondTherapist
    {
        get
        {
            var ben = TherapistAccounts.London("t2");
            ben.Phone = "+44 7911 123457";
            ben.AlertBySms = true;
            return ben;
        }
    }

    private protected override void AddServices(IServiceCollection services) =>
        services.AddSingleton<ISaveChangesInterceptor>(_gate);

    // ---- the alert ----

    [Test]
    public async Task Alert_ForAHeldTime_IsAlsoTextedToTheTherapistInTheirZoneWithReplyYAndTheConsoleLink()
    {
        var id = await HoldAsync(MondayNine);

        var texts = await TextAlertsAsync(id);

        var code = TextAlertCode.For(new ConsultationRequestId(id));
        Assert.That(texts, Is.EqualTo(new[]
        {
            (AdaPhone, $"Calm Harbor Counseling: new request for a free call at Mon 15 Mar, 9:00 AM EDT, ref {code}, held for you. "
                + $"Reply Y to confirm (Y {code} if more are waiting). Details: http://127.0.0.1:5080/console/requests/{id}"),
        }));
        AssertNamesNoProspect(texts[0].Body);
    }

    [Test]
    public async Task Alert_ForACallback_IsTextedToEveryTherapistWithTheConsoleLinkAndNoReplyY()
    {
        var id = await CallbackAsync();

        var texts = await TextAlertsAsync(id);

        var body = $"Calm Harbor Counseling: new request to be called back, ref {TextAlertCode.For(new ConsultationRequestId(id))}; "
            + $"no time asked for. Give it a time in Intake: http://127.0.0.1:5080/console/requests/{id}";
        Assert.That(texts, Is.EquivalentTo(new[] { (AdaPhone, body), (BenPhone, body) }));
        AssertNamesNoProspect(body);
    }

    [Test]
    public async Task Alert_WithoutAlertBySms_IsEmailedOnly()
    {
        // The root appsettings.json: Ada has a phone, AlertBySms is absent.
        await RestartAsync(new Dictionary<string, string>());

        var id = await HoldAsync(MondayNine);

        await using var db = Database.Open();
        var alerts = await db.Messages.AsNoTracking()
            .Where(m => m.ConsultationRequestId == new ConsultationRequestId(id) && m.Kind == MessageKind.TherapistAlert)
            .Select(m => m.Channel).ToListAsync();
        Assert.That(alerts, Is.EqualTo(new[] { ContactChannel.Email }));
    }

    // ---- the "Y" answer ----

    [TestCase("Y")]
    [TestCase("y")]
    [TestCase(" y. ")]
    public async Task Y_FromTheTherapistsNumber_ConfirmsTheHeldTimeAsTheTherapistAndQueuesTheProspectsConfirmation(string body)
    {
        var id = await HoldAsync(MondayNine);

        var reply = await TextAsync(AdaPhone, body);

        Assert.That(reply, Is.EqualTo($"Calm Harbor Counseling: confirmed the call at Mon 15 Mar, 9:00 AM EDT, ref {TextAlertCode.For(new ConsultationRequestId(id))}. "
            + $"Intake: http://127.0.0.1:5080/console/requests/{id}"));
        Assert.That(await StatusAsync(id), Is.EqualTo(ConsultationStatus.Confirmed));
        await using var db = Database.Open();
        var confirmation = await db.Messages.AsNoTracking()
            .SingleAsync(m => m.ConsultationRequestId == new ConsultationRequestId(id) && m.Kind == MessageKind.Confirmed);
        Assert.That((confirmation.Channel, confirmation.Recipient), Is.EqualTo((ContactChannel.Sms, ProspectPhone)));
        var change = await db.ConsultationChanges.AsNoTracking()
            .Where(c => c.ConsultationRequestId == new ConsultationRequestId(id)).OrderBy(c => c.Version).LastAsync();
        Assert.That((change.What, change.By, change.TherapistId), Is.EqualTo((ConsultationChangeKind.Confirmed, ChangedBy.Therapist, "t1")));
    }

    [TestCase(ProspectPhone, null)]
    [TestCase("+12125550142", null)]
    [TestCase(BenPhone, "Calm Harbor Counseling: nothing was confirmed; no held time is waiting for you. Intake: http://127.0.0.1:5080/console")]
    public async Task Y_FromAnyOtherNumber_ConfirmsNothing(string from, string? expectedReply)
    {
        var id = await HoldAsync(MondayNine);
        var before = await MessagesAsync();

        var reply = await TextAsync(from, "Y");

        Assert.That(reply, Is.EqualTo(expectedReply), "a prospect's or a stranger's Y means nothing; another therapist's finds none of theirs");
        Assert.That(await StatusAsync(id), Is.EqualTo(ConsultationStatus.Pending));
        Assert.That(await MessagesAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task YWithCode_AmongSeveralHeldTimes_ConfirmsTheOneItNames()
    {
        var (first, second) = await TwoHeldTimesWithDistinctCodesAsync();
        var code = TextAlertCode.For(new ConsultationRequestId(second));
        Assert.That((await TextAlertsAsync(second)).Single().Body, Does.Contain($"ref {code}"), "the code is the one the alert showed");

        var reply = await TextAsync(AdaPhone, $"y {code}");

        Assert.That(reply, Does.StartWith("Calm Harbor Counseling: confirmed the call").And.Contain($"ref {code}"));
        Assert.That((await StatusAsync(first), await StatusAsync(second)), Is.EqualTo((ConsultationStatus.Pending, ConsultationStatus.Confirmed)));
    }

    [TestCase("Y")]
    [TestCase("Y 0000-not-a-code")]
    [TestCase("Y please")]
    public async Task Y_WithSeveralHeldTimesAndNoCodeOfTheirs_RepliesWithTheConsoleLinkAndChangesNothing(string body)
    {
        var (first, second) = await TwoHeldTimesWithDistinctCodesAsync();
        var before = await MessagesAsync();

        var reply = await TextAsync(AdaPhone, body);

        Assert.That(reply, Is.EqualTo("Calm Harbor Counseling: nothing was confirmed; to say which held time, reply Y and its ref from the alert, "
            + "e.g. Y 1234. Intake: http://127.0.0.1:5080/console"));
        Assert.That((await StatusAsync(first), await StatusAsync(second)), Is.EqualTo((ConsultationStatus.Pending, ConsultationStatus.Pending)));
        Assert.That(await MessagesAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task YWithACodeOfNoneOfTheirs_WithOneHeldTime_ChangesNothing()
    {
        var id = await HoldAsync(MondayNine);
        var other = (int.Parse(TextAlertCode.For(new ConsultationRequestId(id)), System.Globalization.CultureInfo.InvariantCulture) + 1) % 10_000;

        var reply = await TextAsync(AdaPhone, $"Y {other:D4}");

        Assert.That(reply, Does.StartWith("Calm Harbor Counseling: nothing was confirmed"));
        Assert.That(await StatusAsync(id), Is.EqualTo(ConsultationStatus.Pending));
    }

    [Test]
    public async Task Y_AfterTheConfirm_RepliesNothingPendingAndSendsNothingMore()
    {
        var id = await HoldAsync(MondayNine);
        await TextAsync(AdaPhone, "Y");
        var after = await MessagesAsync();

        var again = await TextAsync(AdaPhone, "Y");

        Assert.That(again, Does.StartWith("Calm Harbor Counseling: nothing was confirmed; no held time is waiting for you."));
        Assert.That(await StatusAsync(id), Is.EqualTo(ConsultationStatus.Confirmed));
        Assert.That(await MessagesAsync(), Is.EqualTo(after));
    }

    [Test]
    public async Task Y_ForBen_ConfirmsBensHeldTimeAndNotAdas()
    {
        var ada = await HoldAsync(MondayNine);
        var ben = await HoldAsync("2027-03-15T10:00:00Z", "t2");

        var reply = await TextAsync(BenPhone, "Y");

        Assert.That(reply, Does.Contain("confirmed the call at Mon 15 Mar, 10:00 AM GMT"), "in Ben's zone");
        Assert.That((await StatusAsync(ada), await StatusAsync(ben)), Is.EqualTo((ConsultationStatus.Pending, ConsultationStatus.Confirmed)));
    }

    [Test]
    public async Task Y_WhenAlertBySmsIsOff_MeansNothingFromTheTherapistsNumber()
    {
        await RestartAsync(new Dictionary<string, string>
        {
            ["Twilio:AuthToken"] = TwilioWebhookSigner.AuthToken,
            ["Twilio:WebhookBaseUrl"] = TwilioWebhookSigner.PublicBaseUrl,
        });
        var id = await HoldAsync(MondayNine);

        var reply = await TextAsync(AdaPhone, "Y");

        Assert.That(reply, Is.Null);
        Assert.That(await StatusAsync(id), Is.EqualTo(ConsultationStatus.Pending));
    }

    [Test]
    public async Task Y_Unsigned_Answers403AndChangesNothing()
    {
        var id = await HoldAsync(MondayNine);
        var before = await MessagesAsync();

        using var response = await Anonymous.SendAsync(TwilioWebhookSigner.Unsigned(InboundPath, Form(AdaPhone, "Y")));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await StatusAsync(id), Is.EqualTo(ConsultationStatus.Pending));
        Assert.That(await MessagesAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Y_SignedWithAnotherToken_Answers403AndChangesNothing()
    {
        var id = await HoldAsync(MondayNine);
        var before = await MessagesAsync();

        using var response = await Anonymous.SendAsync(TwilioWebhookSigner.Post(InboundPath, Form(AdaPhone, "Y"), authToken: "not-the-auth-token"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await StatusAsync(id), Is.EqualTo(ConsultationStatus.Pending));
        Assert.That(await MessagesAsync(), Is.EqualTo(before));
    }

    [Test]
    [Category("Concurrency")]
    public async Task Y_DeliveredTwiceAtTheSameMoment_ConfirmsOnceWithOneSetOfMessages()
    {
        var starts = await OpenStartsAsync();
        for (var round = 0; round < Rounds; round++)
        {
            var id = await HoldAsync(starts.Dequeue());

            _gate.Expect(2);
            var replies = await Task.WhenAll(Task.Run(() => TextAsync(AdaPhone, "Y")), Task.Run(() => TextAsync(AdaPhone, "Y")));

            Assert.That(replies.Count(r => r!.Contains("confirmed the call", StringComparison.Ordinal)), Is.EqualTo(1), $"round {round}: {string.Join(" | ", replies)}");
            Assert.That(replies.Count(r => r!.Contains("nothing was confirmed", StringComparison.Ordinal)), Is.EqualTo(1), $"round {round}");
            Assert.That(await StatusAsync(id), Is.EqualTo(ConsultationStatus.Confirmed));
            await using var db = Database.Open();
            var messages = await db.Messages.AsNoTracking().Where(m => m.ConsultationRequestId == new ConsultationRequestId(id)).ToListAsync();
            Assert.That(messages.Count(m => m.Kind == MessageKind.Confirmed), Is.EqualTo(1), $"round {round}");
            Assert.That(messages.GroupBy(m => (m.Kind, m.Channel, m.Recipient, m.DueAt)).Where(g => g.Count() > 1).Select(g => g.Key), Is.Empty,
                $"round {round}: no message twice");
            Assert.That(await db.ConsultationChanges.CountAsync(c => c.ConsultationRequestId == new ConsultationRequestId(id)
                && c.What == ConsultationChangeKind.Confirmed), Is.EqualTo(1), $"round {round}");
        }
    }

    [Test]
    [Category("Concurrency")]
    public async Task Y_RacingTheProspectsCancel_ExactlyOneWins()
    {
        var starts = await OpenStartsAsync();
        var won = new Dictionary<string, int> { ["Y"] = 0, ["cancel"] = 0 };
        for (var round = 0; round < Rounds; round++)
        {
            var id = await HoldAsync(starts.Dequeue());

            _gate.Expect(2);
            var y = Task.Run(() => TextAsync(AdaPhone, "Y"));
            var cancel = Task.Run(() => Anonymous.PostAsync($"/api/manage/{ManageToken(id)}/cancel", null));
            await Task.WhenAll(y, cancel);
            using var cancelled = await cancel;

            var (status, kinds) = await StateAsync(id);
            if (cancelled.StatusCode == HttpStatusCode.OK)
            {
                won["cancel"]++;
                Assert.That(await y, Does.StartWith("Calm Harbor Counseling: nothing was confirmed"), $"round {round}");
                Assert.That(status, Is.EqualTo(ConsultationStatus.Cancelled), $"round {round}");
                Assert.That(kinds, Has.No.Member(MessageKind.Confirmed), $"round {round}");
            }
            else
            {
                won["Y"]++;
                Assert.That(cancelled.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), $"round {round}");
                Assert.That(await y, Does.Contain("confirmed the call"), $"round {round}");
                Assert.That(status, Is.EqualTo(ConsultationStatus.Confirmed), $"round {round}");
                Assert.That(kinds, Has.Member(MessageKind.Confirmed).And.No.Member(MessageKind.Cancelled), $"round {round}");
            }
        }

        await AssertHoldsMatchStatusAsync();
        Race.Report(won, Rounds);
    }

    // ---- helpers ----

    private static Dictionary<string, string> Form(string from, string body) => new()
    {
        ["AccountSid"] = FakeTwilio.AccountSid,
        ["MessageSid"] = "SM77777777777777777777777777777777",
        ["From"] = from,
        ["To"] = FakeTwilio.From,
        ["Body"] = body,
        ["NumMedia"] = "0",
        ["ApiVersion"] = "2010-04-01",
    };

    /// <summary>Texts <paramref name="body"/> from <paramref name="from"/> through the signed webhook (answered 200); the TwiML reply's words, if any.</summary>
    private async Task<string?> TextAsync(string from, string body)
    {
        using var response = await Anonymous.SendAsync(TwilioWebhookSigner.Post(InboundPath, Form(from, body)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var reply = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Elements("Message").SingleOrDefault()?.Value;
        if (reply is not null)
            AssertNamesNoProspect(reply);
        return reply;
    }

    private static void AssertNamesNoProspect(string text) =>
        Assert.That(text, Does.Not.Contain("Jane").And.Not.Contain("jane@").And.Not.Contain("555-0199").And.Not.Contain("5550199")
            .And.Not.Contain("panic"), "a text to the therapist names the practice, a time, a ref and a link: never the prospect");

    /// <summary>The request's text alerts: (recipient, body).</summary>
    private async Task<List<(string Recipient, string Body)>> TextAlertsAsync(Guid id)
    {
        await using var db = Database.Open();
        var texts = await db.Messages.AsNoTracking()
            .Where(m => m.ConsultationRequestId == new ConsultationRequestId(id) && m.Kind == MessageKind.TherapistAlert && m.Channel == ContactChannel.Sms)
            .ToListAsync();
        return texts.Select(m => (m.Recipient, m.Body)).ToList();
    }

    /// <summary>Two of Ada's held times whose refs differ (two random four-digit refs are equal once in 10,000).</summary>
    private async Task<(Guid First, Guid Second)> TwoHeldTimesWithDistinctCodesAsync()
    {
        var starts = await OpenStartsAsync();
        var first = await HoldAsync(starts.Dequeue());
        var second = await HoldAsync(starts.Dequeue());
        while (TextAlertCode.For(new ConsultationRequestId(second)) == TextAlertCode.For(new ConsultationRequestId(first)))
            second = await HoldAsync(starts.Dequeue());
        return (first, second);
    }

    private async Task<ConsultationStatus> StatusAsync(Guid id)
    {
        await using var db = Database.Open();
        return await db.ConsultationRequests.Where(r => r.Id == new ConsultationRequestId(id)).Select(r => r.Status).SingleAsync();
    }

    /// <summary>Every message, as the Worker would see it: a change that wrote or withdrew one shows here.</summary>
    private async Task<string> MessagesAsync()
    {
        await using var db = Database.Open();
        var messages = await db.Messages.AsNoTracking().OrderBy(m => m.Id).Select(m => new { m.Id, m.Kind, m.Status }).ToListAsync();
        return string.Join("\n", messages.Select(m => $"{m.Id} {m.Kind} {m.Status}"));
    }

    private Task<Queue<string>> OpenStartsAsync() => OpenStartsAsync("t1", Rounds + 3);
}
