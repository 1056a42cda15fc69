using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Intake.Domain.Consultations;
using Intake.Domain.Consultations.Changes;
using Intake.Domain.Consultations.ConfirmConsultation;
using Intake.Domain.Consultations.ManageLinks;
using Intake.Domain.Consultations.ProposeAlternativeTimes;
using Intake.Domain.Consultations.Rules;
using Intake.Domain.Messages;
using Intake.Tests.Support;
using MediatR;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Intake.Tests.Api;

/// <summary>
/// The prospect's manage link, through HTTP on a real SQLite file: the token from the email they were sent is the
/// only key. The practice is the root appsettings.json's: t1 in America/New_York; the prospect reads times in
/// America/Los_Angeles (Requests.ByEmail).
/// </summary>
public partial class ManageEndpointsTests : ApiTests
{
    // Wednesday 10 March 2027, 07:00 EST. The US moves to summer time on Sunday 14 March.
    private static readonly Instant Now = Instant.FromUtc(2027, 3, 10, 12, 0);
    private const string MondayNine = "2027-03-15T09:00:00-04:00";
    private const string MondayNineThirty = "2027-03-15T09:30:00-04:00";
    private const string MondayTen = "2027-03-15T10:00:00-04:00";
    private const string TuesdayNine = "2027-03-16T09:00:00-04:00";
    private const string TuesdayTen = "2027-03-16T10:00:00-04:00";

    [Test]
    public async Task Get_WithTheLinkFromTheAcknowledgement_ShowsTheRequestInTheProspectsZone()
    {
        var (id, token) = await HoldAsync(MondayNine);

        using var response = await Client.GetAsync($"/api/manage/{token}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var raw = await response.Content.ReadAsStringAsync();
        var view = JsonDocument.Parse(raw).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(view.GetProperty("id").GetGuid(), Is.EqualTo(id.Value));
            Assert.That(view.GetProperty("status").GetString(), Is.EqualTo("Pending"));
            Assert.That(view.GetProperty("practiceName").GetString(), Is.EqualTo("Calm Harbor Counseling"));
            Assert.That(view.GetProperty("slotStart").GetString(), Is.EqualTo("2027-03-15T06:00:00-07:00"), "09:00 New York is 06:00 in Los Angeles");
            Assert.That(view.GetProperty("slotEnd").GetString(), Is.EqualTo("2027-03-15T06:15:00-07:00"));
            Assert.That(view.GetProperty("proposedSlots").GetArrayLength(), Is.Zero);
            Assert.That(view.GetProperty("timeZone").GetString(), Is.EqualTo("America/Los_Angeles"));
        });
        Assert.That(raw, Does.Not.Contain("Jane").And.Not.Contain("jane@example.com").And.Not.Contain("7911")
            .And.Not.Contain("+44").And.Not.Contain("panic"), "a forwarded link shows no contact details and none of the prospect's words");
    }

    [Test]
    public async Task Emails_ToTheProspect_CarryTheLinkButTextsDoNot()
    {
        var (_, _) = await HoldAsync(MondayNine);
        using var byText = await Client.PostAsJsonAsync("/api/consultations", Requests.WithSlot(Requests.ByText(), MondayTen, "t1"));
        Assert.That(byText.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        await using var db = Database.Open();
        var acknowledgements = await db.Messages.Where(m => m.Kind == MessageKind.Acknowledgement).ToListAsync();
        var email = acknowledgements.Single(m => m.Channel == ContactChannel.Email);
        var text = acknowledgements.Single(m => m.Channel == ContactChannel.Sms);
        Assert.That(email.Body, Does.Contain("Manage or cancel your request: http://127.0.0.1:5080/manage/"));
        Assert.That(text.Body, Does.Not.Contain("/manage/"), "a token would push a text past two segments");
        var alert = await db.Messages.FirstAsync(m => m.Kind == MessageKind.TherapistAlert);
        Assert.That(alert.Body, Does.Not.Contain("/manage/"), "the link is the prospect's, not the therapist's");
    }

    [Test]
    public async Task Cancel_APendingRequest_CancelsItFreesTheSlotAndTellsBothSides()
    {
        var (id, token) = await HoldAsync(MondayNine);
        Assert.That(await OfferedAsync(MondayNine), Is.False);

        using var response = await Client.PostAsync($"/api/manage/{token}/cancel", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.GetProperty("id").GetGuid(), Is.EqualTo(id.Value));
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("Cancelled"));

        await using var db = Database.Open();
        var request = await db.ConsultationRequests.Include(r => r.Holds).SingleAsync();
        Assert.Multiple(() =>
        {
            Assert.That(request.Status, Is.EqualTo(ConsultationStatus.Cancelled));
            Assert.That(request.CancelledBy, Is.EqualTo(CancelledBy.Prospect));
            Assert.That(request.Holds, Is.Empty);
        });
        Assert.That(await OfferedAsync(MondayNine), Is.True, "the time is open again");
        var kinds = await db.Messages.Select(m => m.Kind).ToListAsync();
        Assert.That(kinds, Does.Contain(MessageKind.Cancelled).And.Contain(MessageKind.TherapistCancelledAlert));

        using var view = await Client.GetAsync($"/api/manage/{token}");
        Assert.That((await view.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString(), Is.EqualTo("Cancelled"),
            "the link still shows where the request stands");
    }

    [Test]
    public async Task Reschedule_AConfirmedCall_MovesItToAnotherOpenTime()
    {
        var (id, _) = await HoldAsync(MondayNine);
        Assert.That(await SendAsync(new ConfirmConsultation(id, new ConsultationActor.Therapist("t1"), null)), Is.InstanceOf<ChangeOutcome.Changed>());
        var token = await LinkInAsync(id, MessageKind.Confirmed);

        using var response = await Client.PostAsJsonAsync($"/api/manage/{token}/reschedule", new { slotStart = MondayTen });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("Confirmed"));
        Assert.That(await OfferedAsync(MondayNine), Is.True, "the old time is open again");
        Assert.That(await OfferedAsync(MondayTen), Is.False, "the new time is taken");
        await using var db = Database.Open();
        var request = await db.ConsultationRequests.SingleAsync();
        Assert.That(request.SlotStart, Is.EqualTo(Parse(MondayTen)));
        var notice = await db.Messages.SingleAsync(m => m.Kind == MessageKind.Rescheduled);
        Assert.That(notice.Body, Does.Contain("Mon 15 Mar, 7:00 AM PDT").And.Contain("Manage or cancel your request: "));
    }

    [Test]
    public async Task Accept_AProposedTime_ConfirmsTheCallAtThatTime()
    {
        var (id, _) = await HoldAsync(MondayNine);
        Assert.That(await SendAsync(new ProposeAlternativeTimes(id, new ConsultationActor.Therapist("t1"), [TuesdayNine, TuesdayTen])),
            Is.InstanceOf<ChangeOutcome.Changed>());
        var token = await LinkInAsync(id, MessageKind.AlternativesProposed);
        await using (var db = Database.Open())
        {
            var proposal = await db.Messages.SingleAsync(m => m.Kind == MessageKind.AlternativesProposed);
            Assert.That(proposal.Body, Does.Contain("open your link to pick one"));
        }

        using (var view = await Client.GetAsync($"/api/manage/{token}"))
        {
            var shown = await view.Content.ReadFromJsonAsync<JsonElement>();
            Assert.That(shown.GetProperty("status").GetString(), Is.EqualTo("Requested"));
            Assert.That(shown.GetProperty("slotStart").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(shown.GetProperty("proposedSlots").EnumerateArray().Select(s => s.GetProperty("start").GetString()),
                Is.EqualTo(new[] { "2027-03-16T06:00:00-07:00", "2027-03-16T07:00:00-07:00" }));
        }

        using var response = await Client.PostAsJsonAsync($"/api/manage/{token}/accept", new { slotStart = "2027-03-16T07:00:00-07:00" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString(), Is.EqualTo("Confirmed"));
        Assert.That(await OfferedAsync(TuesdayTen), Is.False);
        Assert.That(await OfferedAsync(TuesdayNine), Is.True, "the time not taken stays open");
        await using var after = Database.Open();
        var request = await after.ConsultationRequests.SingleAsync();
        Assert.That(request.SlotStart, Is.EqualTo(Parse(TuesdayTen)));
        Assert.That(await after.Messages.CountAsync(m => m.Kind == MessageKind.Confirmed), Is.EqualTo(1));
    }

    [Test]
    public async Task Accept_ATimeThatWasNotOffered_Returns409AndChangesNothing()
    {
        var (id, _) = await HoldAsync(MondayNine);
        await SendAsync(new ProposeAlternativeTimes(id, new ConsultationActor.Therapist("t1"), [TuesdayNine]));
        var token = await LinkInAsync(id, MessageKind.AlternativesProposed);
        var before = await SnapshotAsync();

        using var response = await Client.PostAsJsonAsync($"/api/manage/{token}/accept", new { slotStart = TuesdayTen });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await SnapshotAsync(), Is.EqualTo(before));
    }

    [TestCase("reschedule", ConsultationRules.OnlyConfirmedCanBeRescheduled, TestName = "Reschedule_APendingRequest_Returns409NamingTheRule")]
    [TestCase("accept", ConsultationRules.OnlyRequestedCanAcceptAProposedTime, TestName = "Accept_WithoutAProposal_Returns409NamingTheRule")]
    public async Task RefusedChange_Returns409NamingTheRuleAndChangesNothing(string action, string rule)
    {
        var (_, token) = await HoldAsync(MondayNine);
        var before = await SnapshotAsync();

        using var response = await Client.PostAsJsonAsync($"/api/manage/{token}/{action}", new { slotStart = MondayTen });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString(), Is.EqualTo(rule));
        Assert.That(await SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Cancel_Twice_Returns409TheSecondTime()
    {
        var (_, token) = await HoldAsync(MondayNine);
        using (var first = await Client.PostAsync($"/api/manage/{token}/cancel", null))
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var before = await SnapshotAsync();

        using var second = await Client.PostAsync($"/api/manage/{token}/cancel", null);

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString(),
            Is.EqualTo(ConsultationRules.OnlyOpenRequestsCanBeCancelled));
        Assert.That(await SnapshotAsync(), Is.EqualTo(before), "no second cancellation message");
    }

    [Test]
    public async Task Reschedule_ToATimeThatIsTaken_Returns409AndChangesNothing()
    {
        var (id, _) = await HoldAsync(MondayNine);
        var (_, _) = await HoldAsync(MondayTen);
        await SendAsync(new ConfirmConsultation(id, new ConsultationActor.Therapist("t1"), null));
        var token = await LinkInAsync(id, MessageKind.Confirmed);
        var before = await SnapshotAsync();

        using var response = await Client.PostAsJsonAsync($"/api/manage/{token}/reschedule", new { slotStart = MondayTen });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Reschedule_WithABadTime_Returns400NamingTheField()
    {
        var (_, token) = await HoldAsync(MondayNine);
        var before = await SnapshotAsync();

        using var response = await Client.PostAsJsonAsync($"/api/manage/{token}/reschedule", new { slotStart = "Monday at nine" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(p => p.Name), Does.Contain("slotStart"));
        Assert.That(await SnapshotAsync(), Is.EqualTo(before));
    }

    [TestCase("changed", "get")]
    [TestCase("changed", "cancel")]
    [TestCase("changed", "reschedule")]
    [TestCase("changed", "accept")]
    [TestCase("otherKeys", "get")]
    [TestCase("otherKeys", "cancel")]
    [TestCase("garbage", "get")]
    [TestCase("garbage", "cancel")]
    public async Task ForgedToken_Returns404AndChangesNothing(string forgery, string action)
    {
        var (id, token) = await HoldAsync(MondayNine);
        await SendAsync(new ConfirmConsultation(id, new ConsultationActor.Therapist("t1"), null));
        var forged = forgery switch
        {
            "changed" => token[..40] + (token[40] == 'A' ? 'B' : 'A') + token[41..],
            "otherKeys" => new ManageLinks(new EphemeralDataProtectionProvider(), null).TokenFor(id, Now + Duration.FromDays(30)),
            _ => "CfDJ8-not-a-real-token",
        };
        var before = await SnapshotAsync();

        using var response = await ActAsync(forged, action);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task LinkFromTheEmail_WorksUntilSevenDaysAfterTheCallAndNotAfter()
    {
        var (_, token) = await HoldAsync(MondayNine);
        var callEnds = Parse(MondayNine) + Duration.FromMinutes(15);

        Clock.Reset(callEnds + Duration.FromDays(7) - Duration.FromMinutes(1));
        using (var before = await Client.GetAsync($"/api/manage/{token}"))
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        Clock.Reset(callEnds + Duration.FromDays(7));
        using var after = await Client.GetAsync($"/api/manage/{token}");
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("get")]
    [TestCase("cancel")]
    [TestCase("reschedule")]
    public async Task ExpiredToken_Returns404LikeAForgedOneAndChangesNothing(string action)
    {
        var (id, _) = await HoldAsync(MondayNine);
        await SendAsync(new ConfirmConsultation(id, new ConsultationActor.Therapist("t1"), null));
        var token = Api.Services.GetRequiredService<ManageLinks>().TokenFor(id, Now + Duration.FromHours(1));
        using (var fresh = await Client.GetAsync($"/api/manage/{token}"))
            Assert.That(fresh.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the same token worked before it expired");
        Clock.Advance(Duration.FromHours(2)); // still days before the call: only the link's age stops it
        var before = await SnapshotAsync();

        using var expired = await ActAsync(token, action);
        using var forged = await ActAsync("CfDJ8-not-a-real-token", action);

        Assert.That(expired.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await ProblemAsync(expired), Is.EqualTo(await ProblemAsync(forged)), "expired and forged read the same");
        Assert.That(await SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task TokenForA_WhenBExists_ActsOnlyOnA()
    {
        var (a, tokenA) = await HoldAsync(MondayNine);
        var (b, _) = await HoldAsync(MondayNineThirty);

        using var response = await Client.PostAsync($"/api/manage/{tokenA}/cancel?id={b.Value}", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), Is.EqualTo(a.Value));
        await using var db = Database.Open();
        var requests = await db.ConsultationRequests.Include(r => r.Holds).ToDictionaryAsync(r => r.Id);
        Assert.Multiple(() =>
        {
            Assert.That(requests[a].Status, Is.EqualTo(ConsultationStatus.Cancelled));
            Assert.That(requests[b].Status, Is.EqualTo(ConsultationStatus.Pending));
            Assert.That(requests[b].Holds, Has.Count.EqualTo(15));
        });
        Assert.That(await db.Messages.CountAsync(m => m.ConsultationRequestId == b), Is.EqualTo(2), "B's acknowledgement and alert only");
        using var view = await Client.GetAsync($"/api/manage/{tokenA}");
        Assert.That((await view.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), Is.EqualTo(a.Value));
    }

    /// <summary>Holds a slot through the booking form, by email, and returns the link's token from the acknowledgement.</summary>
    private async Task<(ConsultationRequestId Id, string Token)> HoldAsync(string slotStart)
    {
        using var response = await Client.PostAsJsonAsync("/api/consultations", Requests.WithSlot(Requests.ByEmail(), slotStart, "t1"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var id = new ConsultationRequestId((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        return (id, await LinkInAsync(id, MessageKind.Acknowledgement));
    }

    /// <summary>The token of the manage link in the latest email of this kind to the prospect.</summary>
    private async Task<string> LinkInAsync(ConsultationRequestId id, MessageKind kind)
    {
        await using var db = Database.Open();
        var messages = await db.Messages.Where(m => m.ConsultationRequestId == id && m.Kind == kind && m.Channel == ContactChannel.Email).ToListAsync();
        var match = ManageLink().Match(messages.OrderBy(m => m.CreatedAt).Last().Body);
        Assert.That(match.Success, Is.True, $"the {kind} email carries a manage link");
        return match.Groups[1].Value;
    }

    private Task<HttpResponseMessage> ActAsync(string token, string action) => action switch
    {
        "get" => Client.GetAsync($"/api/manage/{token}"),
        "cancel" => Client.PostAsync($"/api/manage/{token}/cancel", null),
        _ => Client.PostAsJsonAsync($"/api/manage/{token}/{action}", new { slotStart = MondayTen }),
    };

    private async Task<T> SendAsync<T>(IRequest<T> request)
    {
        await using var scope = Api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    private async Task<bool> OfferedAsync(string slotStart)
    {
        var body = await Client.GetFromJsonAsync<JsonElement>("/api/slots?from=2027-03-15&to=2027-03-16&timeZone=America/New_York");
        return body.GetProperty("slots").EnumerateArray().Any(s => s.GetProperty("start").GetString() == slotStart);
    }

    /// <summary>Every request's status and time, the holds and the messages: what a refused or forged call must leave alone.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var db = Database.Open();
        var requests = await db.ConsultationRequests.OrderBy(r => r.SubmittedAt).ThenBy(r => r.SlotStart)
            .Select(r => $"{r.Id}:{r.Status}:{r.SlotStart}").ToListAsync();
        var holds = await db.SlotHolds.CountAsync();
        var messages = await db.Messages.OrderBy(m => m.CreatedAt).Select(m => $"{m.Kind}:{m.Status}").ToListAsync();
        return $"{string.Join(",", requests)} | holds {holds} | {string.Join(",", messages)}";
    }

    /// <summary>A problem document's status, title and detail (its traceId differs per request).</summary>
    private static async Task<(int Status, string? Title, string? Detail)> ProblemAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (problem.GetProperty("status").GetInt32(), problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString());
    }

    private static Instant Parse(string offsetDateTime) =>
        NodaTime.Text.OffsetDateTimePattern.ExtendedIso.Parse(offsetDateTime).Value.ToInstant();

    [GeneratedRegex("/manage/([A-Za-z0-9_-]+)")]
    private static partial Regex ManageLink();
}
