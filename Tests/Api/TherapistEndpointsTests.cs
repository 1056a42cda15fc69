using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Intake.Domain.Consultations;
using Intake.Domain.Consultations.AcceptProposedTime;
using Intake.Domain.Consultations.Changes;
using Intake.Domain.Messages;
using Intake.Tests.Support;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static Intake.Domain.Consultations.Rules.ConsultationRules;

namespace Intake.Tests.Api;

/// <summary>
/// The therapist's inbox and actions through HTTP with real sign-ins (Identity bearer tokens) on a real SQLite file.
/// t1 (the root appsettings.json) works in New York, Monday 09:00-12:00 and 13:00-17:00; t2 is added in London.
/// </summary>
public class TherapistEndpointsTests : TwoTherapistsTests
{
    // Now is Wednesday 10 March 2027, 07:00 EST. New York moves to EDT on Sunday 14 March; London stays on GMT until the 28th.
    private const string MondayNine = "2027-03-15T09:00:00-04:00";
    private const string MondayTen = "2027-03-15T10:00:00-04:00";
    private const string MondayEleven = "2027-03-15T11:00:00-04:00";
    private const string MondayTwo = "2027-03-15T14:00:00-04:00";
    private const string LondonMondayNine = "2027-03-15T09:00:00+00:00";
    private const string AdaEmail = "ada@calmharbor.example";
    private const string BenEmail = "ben@calmharbor.example";

    // ---- sign-in ------------------------------------------------------------------------------------------------

    [TestCase("GET", "/api/therapist/consultations")]
    [TestCase("GET", "/api/therapist/availability")]
    [TestCase("POST", "/api/therapist/consultations/0190b3f4-0000-7000-8000-000000000001/cancel")]
    [TestCase("PUT", "/api/therapist/availability/weekly-hours")]
    public async Task TherapistEndpoint_WithoutAToken_Returns401(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        using var response = await Anonymous.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task TherapistEndpoint_WithAForgedToken_Returns401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/therapist/consultations");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "CfDJ8-not-a-real-token");

        using var response = await Anonymous.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Register_IsRefusedAndCreatesNoAccount()
    {
        using var response = await Anonymous.PostAsJsonAsync("/api/auth/register", new { email = "mallory@example.com", password = TherapistAccounts.Password });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        await using var db = Database.Open();
        Assert.That(await db.Users.Select(u => u.Email).ToListAsync(), Is.EquivalentTo(new[] { AdaEmail, BenEmail }));
    }

    [Test]
    public async Task Login_WithAWrongPassword_Returns401()
    {
        using var response = await Anonymous.PostAsJsonAsync("/api/auth/login", new { email = AdaEmail, password = "Wrong-password-1!" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    // ---- the inbox ----------------------------------------------------------------------------------------------

    [Test]
    public async Task List_ShowsOwnRequestsAndUntakenCallbacksNewestFirst_NotAnotherTherapists()
    {
        var own = await HoldAsync(MondayNine);
        Clock.AdvanceMinutes(1);
        var callback = await CallbackAsync();
        Clock.AdvanceMinutes(1);
        var bens = await HoldAsync(LondonMondayNine, "t2");
        Clock.AdvanceMinutes(1);
        var takenByBen = await CallbackAsync();
        Assert.That(await ActAsync(Ben, takenByBen, "confirm", new { slotStart = "2027-03-15T10:00:00+00:00" }), Is.EqualTo(HttpStatusCode.OK));

        var adas = await ListAsync(Ada);
        var benList = await ListAsync(Ben);

        Assert.That(adas.GetProperty("timeZone").GetString(), Is.EqualTo("America/New_York"));
        Assert.That(Ids(adas), Is.EqualTo(new[] { callback, own }), "newest first; none of Ben's");
        Assert.That(Ids(benList), Is.EqualTo(new[] { takenByBen, bens, callback }));
    }

    [Test]
    public async Task List_ShowsWhatTheProspectGave_TimesInTheTherapistsZone()
    {
        var id = await HoldAsync(MondayNine);

        var list = await ListAsync(Ada);
        var one = await Ada.GetFromJsonAsync<JsonElement>($"/api/therapist/consultations/{id}");

        Assert.That(Ids(list), Is.EqualTo(new[] { id }));
        foreach (var view in new[] { list.GetProperty("consultations")[0], one })
        {
            Assert.Multiple(() =>
            {
                Assert.That(view.GetProperty("id").GetGuid(), Is.EqualTo(id));
                Assert.That(view.GetProperty("status").GetString(), Is.EqualTo("Pending"));
                Assert.That(view.GetProperty("therapistId").GetString(), Is.EqualTo("t1"));
                Assert.That(view.GetProperty("submittedAt").GetString(), Is.EqualTo("2027-03-10T07:00:00-05:00"));
                Assert.That(view.GetProperty("slotStart").GetString(), Is.EqualTo(MondayNine));
                Assert.That(view.GetProperty("slotEnd").GetString(), Is.EqualTo("2027-03-15T09:15:00-04:00"));
                var prospect = view.GetProperty("prospect");
                Assert.That(prospect.GetProperty("name").GetString(), Is.EqualTo("Jane Doe"));
                Assert.That(prospect.GetProperty("phone").GetString(), Is.EqualTo("+12125550199"));
                Assert.That(prospect.GetProperty("email").GetString(), Is.EqualTo("jane@example.com"));
                Assert.That(prospect.GetProperty("preferredChannel").GetString(), Is.EqualTo("Sms"));
                Assert.That(prospect.GetProperty("smsConsent").GetBoolean(), Is.True);
                Assert.That(prospect.GetProperty("timeZone").GetString(), Is.EqualTo("Europe/London"));
                Assert.That(view.GetProperty("message").GetString(), Is.EqualTo(Requests.SensitiveWords));
                Assert.That(view.GetProperty("proposedSlots").GetArrayLength(), Is.Zero);
                Assert.That(view.GetProperty("declineNote").ValueKind, Is.EqualTo(JsonValueKind.Null));
                Assert.That(view.GetProperty("cancelledBy").ValueKind, Is.EqualTo(JsonValueKind.Null));
            });
        }
    }

    [Test]
    public async Task Get_AnUntakenCallback_IsReadInEachTherapistsOwnZone()
    {
        var id = await CallbackAsync();

        var ada = await Ada.GetFromJsonAsync<JsonElement>($"/api/therapist/consultations/{id}");
        var ben = await Ben.GetFromJsonAsync<JsonElement>($"/api/therapist/consultations/{id}");

        Assert.That(ada.GetProperty("submittedAt").GetString(), Is.EqualTo("2027-03-10T07:00:00-05:00"));
        Assert.That(ben.GetProperty("submittedAt").GetString(), Is.EqualTo("2027-03-10T12:00:00+00:00"));
        Assert.That(ada.GetProperty("slotStart").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [TestCase("pending", "Pending")]
    [TestCase("REQUESTED", "Requested")]
    [TestCase("Confirmed", null)]
    public async Task List_ByStatus_InAnyCase_ShowsOnlyThatStatus(string status, string? expected)
    {
        var pending = await HoldAsync(MondayNine);
        var callback = await CallbackAsync();

        var ids = Ids(await ListAsync(Ada, status));

        Assert.That(ids, Is.EqualTo(expected switch
        {
            "Pending" => new[] { pending },
            "Requested" => new[] { callback },
            _ => Array.Empty<Guid>(),
        }));
    }

    [TestCase("Bogus")]
    [TestCase("1")]
    [TestCase("")]
    public async Task List_ByAnUnknownStatus_Returns400NamingStatus(string status)
    {
        using var response = await Ada.GetAsync($"/api/therapist/consultations?status={status}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await ErrorFieldsAsync(response), Does.Contain("status"));
    }

    [Test]
    public async Task Get_AMissingRequest_Returns404Problem()
    {
        using var response = await Ada.GetAsync($"/api/therapist/consultations/{Guid.CreateVersion7()}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    // ---- another therapist's request ----------------------------------------------------------------------------

    [TestCase("confirm", null)]
    [TestCase("confirm", "{\"slotStart\": \"" + LondonMondayNine + "\"}")]
    [TestCase("decline", "{\"note\": \"Not a fit.\"}")]
    [TestCase("propose", "{\"slotStarts\": [\"" + LondonMondayNine + "\"]}")]
    [TestCase("reschedule", "{\"slotStart\": \"" + LondonMondayNine + "\"}")]
    [TestCase("cancel", null)]
    [TestCase("complete", null)]
    [TestCase("no-show", null)]
    public async Task Act_OnAnotherTherapistsRequest_Returns404AndChangesNothing(string action, string? body)
    {
        var id = await HoldAsync(MondayNine);
        var before = await SnapshotAsync(id);

        var code = await ActAsync(Ben, id, action, body);

        Assert.That(code, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await SnapshotAsync(id), Is.EqualTo(before));
    }

    [Test]
    public async Task Get_AnotherTherapistsRequest_Returns404()
    {
        var id = await HoldAsync(MondayNine);

        using var response = await Ben.GetAsync($"/api/therapist/consultations/{id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    // ---- every transition allowed -------------------------------------------------------------------------------

    [Test]
    public async Task Confirm_APendingRequest_ConfirmsAtItsTimeAndTellsTheProspect()
    {
        var id = await HoldAsync(MondayNine);

        using var response = await PostActionAsync(Ada, id, "confirm", body: null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That((body.GetProperty("id").GetGuid(), body.GetProperty("status").GetString()), Is.EqualTo((id, "Confirmed")));
        var after = await SnapshotAsync(id);
        Assert.That((after.Status, after.SlotStart, after.Holds), Is.EqualTo((ConsultationStatus.Confirmed, At(MondayNine), 15)));
        Assert.That(await NewKindsAsync(id), Is.EqualTo(new[] { MessageKind.Confirmed }));
    }

    [TestCase("", TestName = "Confirm_WithAnEmptyJsonBody_Works")]
    [TestCase("{}", TestName = "Confirm_WithAnEmptyObject_Works")]
    public async Task Confirm_WithoutASlot_AcceptsAnEmptyOrAbsentBody(string body)
    {
        var id = await HoldAsync(MondayNine);

        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await Ada.PostAsync($"/api/therapist/consultations/{id}/confirm", content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Confirm_ACallbackWithASlot_TakesTheTimeAndItIsNoLongerOffered()
    {
        var id = await CallbackAsync();

        var code = await ActAsync(Ada, id, "confirm", new { slotStart = MondayTen });

        Assert.That(code, Is.EqualTo(HttpStatusCode.OK));
        var after = await SnapshotAsync(id);
        Assert.That((after.Status, after.TherapistId, after.SlotStart, after.Holds),
            Is.EqualTo((ConsultationStatus.Confirmed, "t1", At(MondayTen), 15)));
        Assert.That(await NewKindsAsync(id), Is.EqualTo(new[] { MessageKind.Confirmed }));
        Assert.That(await OfferedAsync(MondayTen), Is.False);
        Assert.That(Ids(await ListAsync(Ben)), Does.Not.Contain(id), "taken by Ada, gone from Ben's inbox");
    }

    [Test]
    public async Task Confirm_ACallbackAtATimeThatIsNotOpen_Returns409AndChangesNothing()
    {
        var held = await HoldAsync(MondayTen);
        var id = await CallbackAsync();
        var before = await SnapshotAsync(id);

        using var response = await PostActionAsync(Ada, id, "confirm", new { slotStart = MondayTen });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await SnapshotAsync(id), Is.EqualTo(before));
        Assert.That((await SnapshotAsync(held)).Status, Is.EqualTo(ConsultationStatus.Pending));
    }

    [Test]
    [Category("Concurrency")]
    public async Task Confirm_TwoCallbacksIntoTheSameTimeAtOnce_ExactlyOneGetsIt()
    {
        var first = await CallbackAsync();
        var second = await CallbackAsync();

        var codes = await Task.WhenAll(
            ActAsync(Ada, first, "confirm", new { slotStart = MondayNine }),
            ActAsync(Ada, second, "confirm", new { slotStart = MondayNine }));

        Assert.That(codes, Is.EquivalentTo(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        await using var db = Database.Open();
        Assert.That(await db.ConsultationRequests.CountAsync(r => r.Status == ConsultationStatus.Confirmed), Is.EqualTo(1));
        Assert.That(await db.ConsultationRequests.CountAsync(r => r.Status == ConsultationStatus.Requested), Is.EqualTo(1));
        Assert.That(await db.SlotHolds.CountAsync(), Is.EqualTo(15));
        Assert.That(await db.Messages.CountAsync(m => m.Kind == MessageKind.Confirmed), Is.EqualTo(1));
    }

    [Test]
    public async Task Decline_WithANote_FreesTheTimeAndEmailsTheNote()
    {
        var id = await HoldAsync(MondayNine, request: Requests.ByEmail());

        var code = await ActAsync(Ada, id, "decline", new { note = "I am not taking new clients this spring." });

        Assert.That(code, Is.EqualTo(HttpStatusCode.OK));
        var after = await SnapshotAsync(id);
        Assert.That((after.Status, after.Holds), Is.EqualTo((ConsultationStatus.Declined, 0)));
        Assert.That(await NewKindsAsync(id), Is.EqualTo(new[] { MessageKind.Declined }));
        Assert.That(await OfferedAsync(MondayNine), Is.True, "the time is open again");
        var view = await Ada.GetFromJsonAsync<JsonElement>($"/api/therapist/consultations/{id}");
        Assert.That(view.GetProperty("declineNote").GetString(), Is.EqualTo("I am not taking new clients this spring."));
        await using var db = Database.Open();
        Assert.That((await db.Messages.SingleAsync(m => m.ConsultationRequestId == new ConsultationRequestId(id) && m.Kind == MessageKind.Declined)).Body,
            Does.Contain("I am not taking new clients this spring."));
    }

    [Test]
    public async Task Decline_WithoutABody_Works()
    {
        var id = await CallbackAsync();

        var code = await ActAsync(Ada, id, "decline", body: null);

        Assert.That(code, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await SnapshotAsync(id)).Status, Is.EqualTo(ConsultationStatus.Declined));
        Assert.That(await NewKindsAsync(id), Is.EqualTo(new[] { MessageKind.Declined }));
    }

    [Test]
    public async Task Decline_WithANoteOver500Characters_Returns400NamingNoteAndChangesNothing()
    {
        var id = await HoldAsync(MondayNine);
        var before = await SnapshotAsync(id);

        using var response = await PostActionAsync(Ada, id, "decline", new { note = new string('x', 501) });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await ErrorFieldsAsync(response), Does.Contain("note"));
        Assert.That(await SnapshotAsync(id), Is.EqualTo(before));
    }

    [Test]
    public async Task Propose_OnAPendingRequest_FreesItsTimeAndTheProspectsAcceptanceConfirms()
    {
        var id = await HoldAsync(MondayNine);

        var code = await ActAsync(Ada, id, "propose", new { slotStarts = new[] { MondayEleven, MondayTen } });

        Assert.That(code, Is.EqualTo(HttpStatusCode.OK));
        var proposed = await SnapshotAsync(id);
        Assert.That((proposed.Status, proposed.SlotStart, proposed.Holds), Is.EqualTo((ConsultationStatus.Requested, (Instant?)null, 0)));
        Assert.That(await NewKindsAsync(id), Is.EqualTo(new[] { MessageKind.AlternativesProposed }));
        Assert.That(await OfferedAsync(MondayNine), Is.True, "the held time is given up");
        var view = await Ada.GetFromJsonAsync<JsonElement>($"/api/therapist/consultations/{id}");
        Assert.That(view.GetProperty("proposedSlots").EnumerateArray().Select(s => s.GetProperty("start").GetString()),
            Is.EqualTo(new[] { MondayTen, MondayEleven }), "earliest first, in Ada's zone");

        // The prospect answers from their manage link: here, the domain request the link's endpoint sends.
        await using var scope = Api.Services.CreateAsyncScope();
        var accepted = await scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new AcceptProposedTime(new ConsultationRequestId(id), new ConsultationActor.Prospect(), MondayEleven));

        Assert.That(accepted, Is.EqualTo(new ChangeOutcome.Changed(new ConsultationRequestId(id), ConsultationStatus.Confirmed)));
        var after = await SnapshotAsync(id);
        Assert.That((after.Status, after.TherapistId, after.SlotStart, after.Holds),
            Is.EqualTo((ConsultationStatus.Confirmed, "t1", At(MondayEleven), 15)));
        Assert.That(await NewKindsAsync(id), Is.EqualTo(new[] { MessageKind.AlternativesProposed, MessageKind.Confirmed }));
    }

    [Test]
    public async Task Propose_ATimeThatIsNotOpen_Returns409AndChangesNothing()
    {
        await HoldAsync(MondayTen);
        var id = await HoldAsync(MondayNine);
        var before = await SnapshotAsync(id);

        using var response = await PostActionAsync(Ada, id, "propose", new { slotStarts = new[] { MondayTen } });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await SnapshotAsync(id), Is.EqualTo(before));
    }

    [TestCase(null, TestName = "Propose_WithoutABody_Returns400NamingSlotStarts")]
    [TestCase("{\"slotStarts\": []}", TestName = "Propose_NoTimes_Returns400NamingSlotStarts")]
    [TestCase("{\"slotStarts\": [\"2027-03-15 10:00\"]}", TestName = "Propose_ATimeWithoutOffset_Returns400NamingSlotStarts")]
    public async Task Propose_BadTimes_Returns400(string? body)
    {
        var id = await HoldAsync(MondayNine);
        var before = await SnapshotAsync(id);

        using var response = await PostActionAsync(Ada, id, "propose", body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await ErrorFieldsAsync(response), Has.Some.StartsWith("slotStarts"));
        Assert.That(await SnapshotAsync(id), Is.EqualTo(before));
    }

    [Test]
    public async Task Reschedule_AConfirmedCall_MovesItsHoldsAndTellsTheProspect()
    {
        var id = await ConfirmedAsync(MondayNine);

        var code = await ActAsync(Ada, id, "reschedule", new { slotStart = MondayTwo });

        Assert.That(code, Is.EqualTo(HttpStatusCode.OK));
        var after = await SnapshotAsync(id);
        Assert.That((after.Status, after.SlotStart, after.Holds), Is.EqualTo((ConsultationStatus.Confirmed, At(MondayTwo), 15)));
        Assert.That(await NewKindsAsync(id), Is.EqualTo(new[] { MessageKind.Confirmed, MessageKind.Rescheduled }));
        Assert.That(await OfferedAsync(MondayNine), Is.True);
        Assert.That(await OfferedAsync(MondayTwo), Is.False);
        await using var db = Database.Open();
        Assert.That(await db.SlotHolds.MinAsync(h => h.Minute), Is.EqualTo(At(MondayTwo).ToUnixTimeSeconds() / 60), "the old minutes are gone");
    }

    [Test]
    public async Task Reschedule_WithoutASlot_Returns400NamingSlotStart()
    {
        var id = await ConfirmedAsync(MondayNine);

        using var response = await PostActionAsync(Ada, id, "reschedule", body: null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await ErrorFieldsAsync(response), Does.Contain("slotStart"));
    }

    [Test]
    public async Task Cancel_AConfirmedCall_FreesTheTimeAndTellsOnlyTheProspect()
    {
        var id = await ConfirmedAsync(MondayNine);

        var code = await ActAsync(Ada, id, "cancel", body: null);

        Assert.That(code, Is.EqualTo(HttpStatusCode.OK));
        var after = await SnapshotAsync(id);
        Assert.That((after.Status, after.Holds), Is.EqualTo((ConsultationStatus.Cancelled, 0)));
        Assert.That(await NewKindsAsync(id), Is.EqualTo(new[] { MessageKind.Confirmed, MessageKind.Cancelled }));
        Assert.That(await OfferedAsync(MondayNine), Is.True);
        var view = await Ada.GetFromJsonAsync<JsonElement>($"/api/therapist/consultations/{id}");
        Assert.That(view.GetProperty("cancelledBy").GetString(), Is.EqualTo("Therapist"));
    }

    [TestCase("complete", ConsultationStatus.Completed)]
    [TestCase("no-show", ConsultationStatus.NoShow)]
    public async Task CompleteOrNoShow_OnceTheCallStarted_ClosesItAndKeepsTheTimeUsed(string action, ConsultationStatus expected)
    {
        var id = await ConfirmedAsync(MondayNine);
        Clock.Reset(At(MondayNine) + Duration.FromMinutes(1));
        var messages = (await SnapshotAsync(id)).Messages;

        var code = await ActAsync(Ada, id, action, body: null);

        Assert.That(code, Is.EqualTo(HttpStatusCode.OK));
        var after = await SnapshotAsync(id);
        Assert.That((after.Status, after.Holds, after.Messages), Is.EqualTo((expected, 15, messages)), "no message: nobody needs telling");
    }

    // ---- every transition refused -------------------------------------------------------------------------------

    [TestCase("Requested", "confirm", null, CallbackNeedsATimeToConfirm)]
    [TestCase("Pending", "confirm", "{\"slotStart\": \"" + MondayNine + "\"}", PendingIsConfirmedAtTheHeldTime)]
    [TestCase("Confirmed", "confirm", null, OnlyPendingOrRequestedCanBeConfirmed)]
    [TestCase("Declined", "confirm", null, OnlyPendingOrRequestedCanBeConfirmed)]
    [TestCase("PendingStarted", "confirm", null, CannotChangeAfterTheCallStarted)]
    [TestCase("Declined", "decline", null, OnlyOpenRequestsCanBeDeclined)]
    [TestCase("Completed", "decline", null, OnlyOpenRequestsCanBeDeclined)]
    [TestCase("ConfirmedStarted", "decline", null, CannotChangeAfterTheCallStarted)]
    [TestCase("Confirmed", "propose", "{\"slotStarts\": [\"" + MondayTen + "\"]}", OnlyPendingOrRequestedCanBeOfferedTimes)]
    [TestCase("Cancelled", "propose", "{\"slotStarts\": [\"" + MondayTen + "\"]}", OnlyPendingOrRequestedCanBeOfferedTimes)]
    [TestCase("Pending", "propose", "{\"slotStarts\": [\"" + MondayTen + "\", \"" + MondayTen + "\"]}", ProposeOneToFiveTimes)]
    [TestCase("Pending", "reschedule", "{\"slotStart\": \"" + MondayTen + "\"}", OnlyConfirmedCanBeRescheduled)]
    [TestCase("Confirmed", "reschedule", "{\"slotStart\": \"" + MondayNine + "\"}", RescheduleNeedsADifferentTime)]
    [TestCase("ConfirmedStarted", "reschedule", "{\"slotStart\": \"" + MondayTwo + "\"}", CannotChangeAfterTheCallStarted)]
    [TestCase("Cancelled", "cancel", null, OnlyOpenRequestsCanBeCancelled)]
    [TestCase("NoShow", "cancel", null, OnlyOpenRequestsCanBeCancelled)]
    [TestCase("ConfirmedStarted", "cancel", null, CannotChangeAfterTheCallStarted)]
    [TestCase("Confirmed", "complete", null, CompleteOnlyAfterTheCallStarted)]
    [TestCase("Pending", "complete", null, OnlyConfirmedCanBeCompleted)]
    [TestCase("Requested", "complete", null, OnlyConfirmedCanBeCompleted)]
    [TestCase("Completed", "complete", null, OnlyConfirmedCanBeCompleted)]
    [TestCase("Confirmed", "no-show", null, NoShowOnlyAfterTheCallStarted)]
    [TestCase("Pending", "no-show", null, OnlyConfirmedCanBeMarkedNoShow)]
    [TestCase("Completed", "no-show", null, OnlyConfirmedCanBeMarkedNoShow)]
    public async Task Act_WhenTheRuleForbidsIt_Returns409NamingTheRuleAndChangesNothing(string state, string action, string? body, string rule)
    {
        var id = await ArrangeAsync(state);
        var before = await SnapshotAsync(id);

        using var response = await PostActionAsync(Ada, id, action, body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("rule").GetString(), Is.EqualTo(rule));
        Assert.That(await SnapshotAsync(id), Is.EqualTo(before), "status, time, holds and messages as they were");
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private sealed record Snapshot(ConsultationStatus Status, string? TherapistId, Instant? SlotStart, int Holds, int Messages);

    private async Task<Guid> ArrangeAsync(string state)
    {
        var afterStart = At(MondayNine) + Duration.FromMinutes(1);
        switch (state)
        {
            case "Requested":
                return await CallbackAsync();
            case "Pending":
                return await HoldAsync(MondayNine);
            case "PendingStarted":
            {
                var id = await HoldAsync(MondayNine);
                Clock.Reset(afterStart);
                return id;
            }

            case "Confirmed":
                return await ConfirmedAsync(MondayNine);
            case "ConfirmedStarted":
            {
                var id = await ConfirmedAsync(MondayNine);
                Clock.Reset(afterStart);
                return id;
            }

            default:
            {
                var (id, action) = state switch
                {
                    "Declined" => (await HoldAsync(MondayNine), "decline"),
                    "Cancelled" => (await HoldAsync(MondayNine), "cancel"),
                    "Completed" => (await ConfirmedAsync(MondayNine), "complete"),
                    "NoShow" => (await ConfirmedAsync(MondayNine), "no-show"),
                    _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
                };
                if (state is "Completed" or "NoShow")
                    Clock.Reset(afterStart);
                Assert.That(await ActAsync(Ada, id, action, body: null), Is.EqualTo(HttpStatusCode.OK), $"arranging {state}");
                return id;
            }
        }
    }

    private async Task<Guid> ConfirmedAsync(string slotStart)
    {
        var id = await HoldAsync(slotStart);
        Assert.That(await ActAsync(Ada, id, "confirm", body: null), Is.EqualTo(HttpStatusCode.OK));
        return id;
    }

    private async Task<Snapshot> SnapshotAsync(Guid id)
    {
        await using var db = Database.Open();
        var key = new ConsultationRequestId(id);
        var request = await db.ConsultationRequests.AsNoTracking().Include(r => r.Holds).SingleAsync(r => r.Id == key);
        return new Snapshot(request.Status, request.TherapistId, request.SlotStart, request.Holds.Count,
            await db.Messages.CountAsync(m => m.ConsultationRequestId == key));
    }

    /// <summary>The kinds of the messages queued for the request after the two the booking itself queued, oldest first.</summary>
    private async Task<List<MessageKind>> NewKindsAsync(Guid id)
    {
        await using var db = Database.Open();
        var key = new ConsultationRequestId(id);
        var kinds = await db.Messages.Where(m => m.ConsultationRequestId == key).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => m.Kind).ToListAsync();
        return kinds.Where(k => k is not (MessageKind.Acknowledgement or MessageKind.TherapistAlert or MessageKind.Reminder)).ToList();
    }

    private async Task<bool> OfferedAsync(string slotStart)
    {
        var body = await Anonymous.GetFromJsonAsync<JsonElement>("/api/slots?from=2027-03-15&to=2027-03-15&timeZone=America/New_York&therapistId=t1");
        return body.GetProperty("slots").EnumerateArray().Any(s => s.GetProperty("start").GetString() == slotStart);
    }

    private static async Task<JsonElement> ListAsync(HttpClient client, string? status = null) =>
        await client.GetFromJsonAsync<JsonElement>("/api/therapist/consultations" + (status is null ? "" : $"?status={status}"));

    private static List<Guid> Ids(JsonElement list) =>
        list.GetProperty("consultations").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();

    private static async Task<List<string>> ErrorFieldsAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
    }

    private static Instant At(string offsetDateTime) =>
        NodaTime.Text.OffsetDateTimePattern.ExtendedIso.Parse(offsetDateTime).Value.ToInstant();
}
