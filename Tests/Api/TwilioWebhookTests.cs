using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Intake.Domain.Consultations;
using Intake.Domain.Consultations.Changes;
using Intake.Domain.Consultations.ConfirmConsultation;
using Intake.Domain.Messages;
using Intake.Tests.Support;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Twilio.Security;

namespace Intake.Tests.Api;

/// <summary>
/// Twilio's webhooks through the real Api on a real SQLite file: delivery reports (/api/twilio/status) and texts to
/// the practice (/api/twilio/inbound), each signed as Twilio signs them over the public URL
/// (Twilio:WebhookBaseUrl), which is not the address the test client posts to.
/// </summary>
public class TwilioWebhookTests
{
    // Wednesday 10 March 2027, 07:00 EST. t1 is in America/New_York; the texting prospect reads times in Europe/London.
    private static readonly Instant Now = Instant.FromUtc(2027, 3, 10, 12, 0);
    private const string MondayNine = "2027-03-15T09:00:00-04:00";
    private const string MondayTen = "2027-03-15T10:00:00-04:00";
    private const string TuesdayNine = "2027-03-16T09:00:00-04:00";
    private const string StatusPath = "/api/twilio/status";
    private const string InboundPath = "/api/twilio/inbound";
    private const string Sid = "SM0123456789abcdef0123456789abcdef";

    /// <summary>Requests.ByText's "(212) 555-0199", as Twilio writes the sender.</summary>
    private const string ProspectPhone = "+12125550199";

    private FakeClock _clock = null!;
    private TestDatabase _database = null!;
    private ApiFactory _api = null!;
    private HttpClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new FakeClock(Now);
        _database = new TestDatabase();
        _api = TwilioWebhookApi.Start(_database, _clock);
        _client = _api.CreateClient();
    }

    [TearDown]
    public async Task TearDown()
    {
        _client.Dispose();
        await _api.DisposeAsync();
        _database.Dispose();
    }

    [Test]
    public void Signer_AgreesWithTheTwilioSdksRequestValidator()
    {
        var form = new Dictionary<string, string> { ["MessageSid"] = Sid, ["MessageStatus"] = "delivered", ["AccountSid"] = "AC1" };
        var url = TwilioWebhookSigner.PublicBaseUrl + StatusPath + "?x=1";

        var signature = TwilioWebhookSigner.Sign(url, form);

        Assert.That(new RequestValidator(TwilioWebhookSigner.AuthToken).Validate(url, form, signature), Is.True);
        Assert.That(new RequestValidator("another-token").Validate(url, form, signature), Is.False);
    }

    // ---- delivery reports ----

    [Test]
    public async Task Status_ForASentText_IsRecordedWithItsTimeAndErrorCode()
    {
        var id = await SeedTextAsync(Sid);

        using (var sent = await PostStatusAsync(Sid, "sent"))
            Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var sentAt = _clock.GetCurrentInstant();
        Assert.That(await DeliveryAsync(id), Is.EqualTo(("sent", (Instant?)sentAt, (int?)null)));

        _clock.AdvanceMinutes(1);
        using (var undelivered = await PostStatusAsync(Sid, "undelivered", errorCode: "30003"))
            Assert.That(undelivered.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        Assert.That(await DeliveryAsync(id), Is.EqualTo(("undelivered", (Instant?)_clock.GetCurrentInstant(), (int?)30003)));
    }

    [Test]
    public async Task Status_NamingATextItsDeadSenderLeftSending_MarksItSentSoNoLapsedClaimResendsIt()
    {
        // A Worker claimed the text, Twilio accepted it, and the Worker died before recording the answer.
        MessageId id;
        await using (var db = _database.Open())
        {
            var message = OutboundMessage.Text(null, MessageKind.Confirmed, ProspectPhone, "Calm Harbor Counseling: confirmed.", Now);
            db.Messages.Add(message);
            db.Entry(message).Property(m => m.Status).CurrentValue = MessageStatus.Sending;
            db.Entry(message).Property(m => m.ClaimExpiresAt).CurrentValue = Now + Duration.FromMinutes(2);
            await db.SaveChangesAsync();
            id = message.Id;
        }

        var path = $"{StatusPath}?m={id}";
        using var response = await _client.SendAsync(TwilioWebhookSigner.Post(path, StatusForm(Sid, "sent", null)));

        await using var check = _database.Open();
        var adopted = await check.Messages.AsNoTracking().SingleAsync(m => m.Id == id);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((adopted.Status, adopted.ProviderMessageId, adopted.DeliveryStatus), Is.EqualTo((MessageStatus.Sent, Sid, "sent")));
    }

    [Test]
    public async Task Status_ALateSentAfterDelivered_DoesNotGoBack()
    {
        var id = await SeedTextAsync(Sid);
        using (await PostStatusAsync(Sid, "delivered"))
        {
        }

        var deliveredAt = _clock.GetCurrentInstant();
        _clock.AdvanceSeconds(5);
        using (await PostStatusAsync(Sid, "queued"))
        {
        }

        using var late = await PostStatusAsync(Sid, "sent");

        Assert.That(late.StatusCode, Is.EqualTo(HttpStatusCode.OK), "Twilio would retry anything else");
        Assert.That(await DeliveryAsync(id), Is.EqualTo(("delivered", (Instant?)deliveredAt, (int?)null)));
    }

    [Test]
    public async Task Status_ReportedTwice_IsRecordedOnce()
    {
        var id = await SeedTextAsync(Sid);
        using (await PostStatusAsync(Sid, "delivered"))
        {
        }

        var firstAt = _clock.GetCurrentInstant();
        _clock.AdvanceMinutes(2);

        using var again = await PostStatusAsync(Sid, "delivered");

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await DeliveryAsync(id), Is.EqualTo(("delivered", (Instant?)firstAt, (int?)null)), "the first report's time stays");
    }

    [Test]
    public async Task Status_ForAnUnknownSid_Answers200AndRecordsNothing()
    {
        await SeedTextAsync(Sid);
        var before = await MessagesSnapshotAsync();

        using var response = await PostStatusAsync("SMffffffffffffffffffffffffffffffff", "delivered");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await MessagesSnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Status_WithAForgedSignature_Answers403AndRecordsNothing()
    {
        await SeedTextAsync(Sid);
        var before = await MessagesSnapshotAsync();

        using var response = await _client.SendAsync(
            TwilioWebhookSigner.Post(StatusPath, StatusForm(Sid, "delivered"), authToken: "not-the-auth-token"));

        await AssertForbiddenAsync(response);
        Assert.That(await MessagesSnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Status_WithoutASignature_Answers403AndRecordsNothing()
    {
        await SeedTextAsync(Sid);
        var before = await MessagesSnapshotAsync();

        using var response = await _client.SendAsync(TwilioWebhookSigner.Unsigned(StatusPath, StatusForm(Sid, "delivered")));

        await AssertForbiddenAsync(response);
        Assert.That(await MessagesSnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Status_SignedOverAnotherUrlThanTheConfiguredPublicOne_Answers403()
    {
        await SeedTextAsync(Sid);
        var before = await MessagesSnapshotAsync();
        var ownUrl = new Uri(_client.BaseAddress!, StatusPath).ToString();

        using var response = await _client.SendAsync(TwilioWebhookSigner.Post(StatusPath, StatusForm(Sid, "delivered"), signedUrl: ownUrl));

        await AssertForbiddenAsync(response);
        Assert.That(await MessagesSnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Status_WithAParameterChangedAfterSigning_Answers403()
    {
        await SeedTextAsync(Sid);
        var before = await MessagesSnapshotAsync();

        using var response = await _client.SendAsync(TwilioWebhookSigner.Post(
            StatusPath, StatusForm(Sid, "failed"), signedForm: StatusForm(Sid, "delivered")));

        await AssertForbiddenAsync(response);
        Assert.That(await MessagesSnapshotAsync(), Is.EqualTo(before));
    }

    // ---- texts to the practice ----

    [TestCase("STOP")]
    [TestCase("stop")]
    [TestCase("  Stop all ")]
    [TestCase("STOPALL")]
    [TestCase("Unsubscribe")]
    [TestCase("end")]
    [TestCase("QUIT")]
    [TestCase("OPTOUT")]
    [TestCase("REVOKE")]
    public async Task Inbound_AnOptOutWord_OptsTheNumberOutWithoutAReply(string body)
    {
        var (status, reply) = await TextAsync(body);
        var (again, _) = await TextAsync(body);

        Assert.That((status, again), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
        Assert.That(reply, Is.Null, "Twilio sends the carrier's opt-out confirmation itself");
        await using var db = _database.Open();
        var optOuts = await db.SmsOptOuts.ToListAsync();
        Assert.That(optOuts.Select(o => o.Phone), Is.EqualTo(new[] { ProspectPhone }), "once, however often it is texted");
        Assert.That(optOuts[0].OptedOutAt, Is.EqualTo(Now));
    }

    [TestCase("CANCEL")]
    [TestCase("cancel.")]
    public async Task Inbound_Cancel_StopsTextsAndSaysTheCallStandsWithItsLink(string body)
    {
        var id = await HoldAsync(MondayTen);
        await ConfirmAsync(id);

        var (status, reply) = await TextAsync(body);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(reply, Does.StartWith("Calm Harbor Counseling: texts to this number are stopped. Your call is not cancelled"));
        Assert.That(reply, Does.Contain($"http://127.0.0.1:5080/m/{await ShortCodeAsync(id)}"), "the reply carries the link that cancels the call");
        AssertMinimumNecessary(reply);
        await using var db = _database.Open();
        Assert.That(await db.SmsOptOuts.Select(o => o.Phone).ToListAsync(), Is.EqualTo(new[] { ProspectPhone }));
        Assert.That(await db.ConsultationRequests.Select(r => r.Status).SingleAsync(), Is.EqualTo(ConsultationStatus.Confirmed));
    }

    [Test]
    public async Task Inbound_CancelWithNoRequest_StopsTextsAndGivesThePhone()
    {
        var (_, reply) = await TextAsync("CANCEL");

        Assert.That(reply, Does.Contain("texts to this number are stopped").And.Contain("call +1").And.Not.Contain("/manage/"));
        await using var db = _database.Open();
        Assert.That(await db.SmsOptOuts.CountAsync(), Is.EqualTo(1));
    }

    [TestCase("START")]
    [TestCase("unstop")]
    public async Task Inbound_StartAfterStop_OptsTheNumberBackIn(string body)
    {
        await TextAsync("STOP");

        var (status, reply) = await TextAsync(body);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(reply, Is.EqualTo("You're opted back in to texts from Calm Harbor Counseling. Reply STOP to opt out."));
        await using var db = _database.Open();
        Assert.That(await db.SmsOptOuts.AnyAsync(), Is.False);
    }

    [TestCase("HELP")]
    [TestCase("info")]
    public async Task Inbound_Help_RepliesWithThePracticesPhone(string body)
    {
        await HoldAsync(MondayTen);

        var (status, reply) = await TextAsync(body);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(reply, Does.Contain("Calm Harbor Counseling").And.Contain("+1 212-555-0100"));
        AssertMinimumNecessary(reply);
    }

    [TestCase("C")]
    [TestCase("yes")]
    [TestCase("Yes!")]
    public async Task Inbound_ConfirmingAttendance_RecordsItOnTheNearestUpcomingConfirmedCall(string body)
    {
        await HoldAsync(MondayNine); // nearer, but not confirmed
        var nearest = await HoldAsync(MondayTen);
        var later = await HoldAsync(TuesdayNine);
        await ConfirmAsync(nearest);
        await ConfirmAsync(later);
        _clock.AdvanceMinutes(30);

        var (status, reply) = await TextAsync(body);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(reply, Is.EqualTo("Calm Harbor Counseling: thanks - see you at Mon 15 Mar, 2:00 PM GMT."), "10:00 New York is 14:00 in London");
        AssertMinimumNecessary(reply);
        await using var db = _database.Open();
        var attendance = await db.ConsultationRequests.ToDictionaryAsync(r => r.Id, r => r.AttendanceConfirmedAt);
        Assert.That(attendance[nearest], Is.EqualTo(_clock.GetCurrentInstant()));
        Assert.That(attendance.Where(a => a.Key != nearest).Select(a => a.Value), Is.All.Null);
    }

    [TestCase("Y")]
    [TestCase("y 4821")]
    public async Task Inbound_ALoneYFromAProspect_NeitherConfirmsAttendanceNorTheirHeldTime(string body)
    {
        var held = await HoldAsync(MondayNine);
        var confirmed = await HoldAsync(MondayTen);
        await ConfirmAsync(confirmed);
        var before = await MessagesSnapshotAsync();

        var (status, reply) = await TextAsync(body);

        Assert.That((status, reply), Is.EqualTo((HttpStatusCode.OK, (string?)null)), "Y is a therapist's answer to a text alert; C or YES confirm attendance");
        await using var db = _database.Open();
        var requests = await db.ConsultationRequests.AsNoTracking().ToDictionaryAsync(r => r.Id, r => (r.Status, r.AttendanceConfirmedAt));
        Assert.That(requests[held], Is.EqualTo((ConsultationStatus.Pending, (Instant?)null)));
        Assert.That(requests[confirmed], Is.EqualTo((ConsultationStatus.Confirmed, (Instant?)null)));
        Assert.That(await MessagesSnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Inbound_ConfirmingAttendance_WithNoConfirmedCall_ChangesNothing()
    {
        var held = await HoldAsync(MondayTen);

        var (_, reply) = await TextAsync("C");

        Assert.That(reply, Does.Contain("no upcoming confirmed call").And.Contain("+1 212-555-0100"));
        await using var db = _database.Open();
        Assert.That((await db.ConsultationRequests.SingleAsync(r => r.Id == held)).AttendanceConfirmedAt, Is.Null);
    }

    [Test]
    public async Task Inbound_R_RepliesWithTheManageLinkOfTheNearestUpcomingRequest()
    {
        using (var other = await _client.PostAsJsonAsync("/api/consultations", Requests.WithSlot(Requests.ByEmail(), MondayNine, "t1")))
            Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Created), "someone else's request, nearer");
        var nearest = await HoldAsync(MondayTen);
        await ConfirmAsync(await HoldAsync(TuesdayNine));

        var (status, reply) = await TextAsync("r");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(reply, Does.Contain($"http://127.0.0.1:5080/m/{await ShortCodeAsync(nearest)}"), "the reply carries the nearest request's short link");
        AssertMinimumNecessary(reply);
    }

    [Test]
    public async Task Inbound_AnyOtherText_GetsNoReplyAndChangesNothing()
    {
        await ConfirmAsync(await HoldAsync(MondayTen));
        var before = await MessagesSnapshotAsync();

        var (status, reply) = await TextAsync(Requests.SensitiveWords);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(reply, Is.Null);
        await using var db = _database.Open();
        Assert.That(await db.SmsOptOuts.AnyAsync(), Is.False);
        Assert.That(await db.ConsultationRequests.AllAsync(r => r.AttendanceConfirmedAt == null), Is.True);
        Assert.That(await MessagesSnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Inbound_StopWithAForgedSignature_Answers403AndOptsNothingOut()
    {
        using var response = await _client.SendAsync(
            TwilioWebhookSigner.Post(InboundPath, InboundForm("STOP"), authToken: "not-the-auth-token"));

        await AssertForbiddenAsync(response);
        await using var db = _database.Open();
        Assert.That(await db.SmsOptOuts.AnyAsync(), Is.False);
    }

    [Test]
    public async Task Inbound_WithoutASignature_Answers403AndRecordsNothing()
    {
        await ConfirmAsync(await HoldAsync(MondayTen));

        using var response = await _client.SendAsync(TwilioWebhookSigner.Unsigned(InboundPath, InboundForm("C")));

        await AssertForbiddenAsync(response);
        await using var db = _database.Open();
        Assert.That(await db.ConsultationRequests.AllAsync(r => r.AttendanceConfirmedAt == null), Is.True);
    }

    // ---- helpers ----

    private static Dictionary<string, string> StatusForm(string sid, string status, string? errorCode = null)
    {
        var form = new Dictionary<string, string>
        {
            ["AccountSid"] = FakeTwilio.AccountSid,
            ["MessageSid"] = sid,
            ["SmsSid"] = sid,
            ["MessageStatus"] = status,
            ["SmsStatus"] = status,
            ["To"] = ProspectPhone,
            ["From"] = FakeTwilio.From,
            ["ApiVersion"] = "2010-04-01",
        };
        if (errorCode is not null)
            form["ErrorCode"] = errorCode;
        return form;
    }

    private static Dictionary<string, string> InboundForm(string body) => new()
    {
        ["AccountSid"] = FakeTwilio.AccountSid,
        ["MessageSid"] = "SM99999999999999999999999999999999",
        ["From"] = ProspectPhone,
        ["To"] = FakeTwilio.From,
        ["Body"] = body,
        ["NumMedia"] = "0",
        ["NumSegments"] = "1",
        ["ApiVersion"] = "2010-04-01",
    };

    private Task<HttpResponseMessage> PostStatusAsync(string sid, string status, string? errorCode = null) =>
        _client.SendAsync(TwilioWebhookSigner.Post(StatusPath, StatusForm(sid, status, errorCode)));

    /// <summary>Texts <paramref name="body"/> from the prospect's phone; the status and the TwiML reply's message, if any.</summary>
    private async Task<(HttpStatusCode Status, string? Reply)> TextAsync(string body)
    {
        using var response = await _client.SendAsync(TwilioWebhookSigner.Post(InboundPath, InboundForm(body)));
        if (response.StatusCode != HttpStatusCode.OK)
            return (response.StatusCode, null);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/xml"));
        var twiml = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.That(twiml.Name.LocalName, Is.EqualTo("Response"));
        var messages = twiml.Elements("Message").ToList();
        Assert.That(messages, Has.Count.LessThanOrEqualTo(1));
        return (response.StatusCode, messages.SingleOrDefault()?.Value);
    }

    private static async Task AssertForbiddenAsync(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo(403));
    }

    private static void AssertMinimumNecessary(string? reply) =>
        Assert.That(reply, Does.Not.Contain("Jane").And.Not.Contain("jane@example.com").And.Not.Contain("panic")
            .And.Not.Contain("555-0199"), "a reply names the practice, a time or a link: never the prospect or their words");

    /// <summary>A text to the prospect that the Worker has handed to Twilio, which knows it by <paramref name="sid"/>.</summary>
    private async Task<MessageId> SeedTextAsync(string sid)
    {
        await using var db = _database.Open();
        var message = OutboundMessage.Text(null, MessageKind.Confirmed, ProspectPhone, "Calm Harbor Counseling: confirmed.", Now);
        db.Messages.Add(message);
        db.Entry(message).Property(m => m.ProviderMessageId).CurrentValue = sid;
        await db.SaveChangesAsync();
        return message.Id;
    }

    private async Task<(string? Status, Instant? At, int? ErrorCode)> DeliveryAsync(MessageId id)
    {
        await using var db = _database.Open();
        var message = await db.Messages.AsNoTracking().SingleAsync(m => m.Id == id);
        return (message.DeliveryStatus, message.DeliveryUpdatedAt, message.ProviderErrorCode);
    }

    private async Task<string> MessagesSnapshotAsync()
    {
        await using var db = _database.Open();
        var messages = await db.Messages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        return string.Join("\n", messages.Select(m =>
            $"{m.Id} {m.Status} {m.DeliveryStatus} {m.DeliveryUpdatedAt} {m.ProviderErrorCode} {m.ProviderMessageId}"));
    }

    /// <summary>The texting prospect (Requests.ByText) holds a slot of t1's.</summary>
    private async Task<ConsultationRequestId> HoldAsync(string slotStart)
    {
        using var response = await _client.PostAsJsonAsync("/api/consultations", Requests.WithSlot(Requests.ByText(), slotStart, "t1"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        return new ConsultationRequestId((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    private async Task ConfirmAsync(ConsultationRequestId id)
    {
        using var scope = _api.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new ConfirmConsultation(id, new ConsultationActor.Therapist("t1"), null));
        Assert.That(outcome, Is.InstanceOf<ChangeOutcome.Changed>());
    }

    private async Task<string> ShortCodeAsync(ConsultationRequestId id)
    {
        await using var db = _database.Open();
        return await db.ConsultationRequests.Where(r => r.Id == id).Select(r => r.ShortCode!).SingleAsync();
    }
}
