using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Intake.Domain.Consultations;
using Intake.Domain.Consultations.CancelConsultation;
using Intake.Domain.Consultations.Changes;
using Intake.Domain.Consultations.ExpireOverdueRequests;
using Intake.Domain.Consultations.ManageLinks;
using Intake.Domain.Messages;
using Intake.Tests.Support;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Intake.Tests.Api;

/// <summary>
/// A request is its therapist's from the moment it names one — through proposals, to its end — and an open
/// callback is the practice's until a therapist takes it. Another therapist gets 404 from every endpoint. A
/// proposal the prospect never answers expires, and the prospect is told.
/// </summary>
public class TherapistVisibilityTests : TwoTherapistsTests
{
    private const string MondayNine = "2027-03-15T09:00:00-04:00";
    private const string MondayTen = "2027-03-15T10:00:00-04:00";
    private const string TuesdayTen = "2027-03-16T10:00:00-04:00";

    private static readonly string[] Reads = ["", "/messages"];

    private static readonly (string Action, object? Body)[] Actions =
    [
        ("confirm", new { slotStart = MondayTen }), ("decline", null), ("propose", new { slotStarts = new[] { MondayTen } }),
        ("reschedule", new { slotStart = MondayTen }), ("cancel", null), ("complete", null), ("no-show", null),
    ];

    [Test]
    public async Task Propose_OnAPendingRequest_KeepsItTheTherapistsAlone()
    {
        var id = await HoldAsync(MondayNine);

        Assert.That(await ActAsync(Ada, id, "propose", new { slotStarts = new[] { MondayTen } }), Is.EqualTo(HttpStatusCode.OK));

        await AssertOnlyAdaSeesAsync(id);
        var view = await Ada.GetFromJsonAsync<JsonElement>($"/api/therapist/consultations/{id}");
        Assert.That((view.GetProperty("status").GetString(), view.GetProperty("therapistId").GetString()), Is.EqualTo(("Requested", "t1")));
    }

    [Test]
    public async Task Propose_OnAnUntakenCallback_TakesIt()
    {
        var id = await CallbackAsync();
        Assert.That(await IdsAsync(Ben), Does.Contain(id), "open callbacks are the practice's");

        Assert.That(await ActAsync(Ada, id, "propose", new { slotStarts = new[] { MondayTen } }), Is.EqualTo(HttpStatusCode.OK));

        await AssertOnlyAdaSeesAsync(id);
    }

    [TestCase("decline")]
    [TestCase("cancel")]
    public async Task Close_AnUntakenCallback_MakesItTheClosingTherapists(string action)
    {
        var id = await CallbackAsync();

        Assert.That(await ActAsync(Ada, id, action, body: null), Is.EqualTo(HttpStatusCode.OK));

        await AssertOnlyAdaSeesAsync(id);
    }

    [Test]
    public async Task CancelledByTheProspect_AnUntakenCallback_IsNoLongerShownToAnyTherapist()
    {
        var id = await CallbackAsync();
        await using (var scope = Api.Services.CreateAsyncScope())
        {
            var cancelled = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CancelConsultation(
                new ConsultationRequestId(id), new ConsultationActor.Prospect()));
            Assert.That(cancelled, Is.InstanceOf<ChangeOutcome.Changed>());
        }

        foreach (var therapist in new[] { Ada, Ben })
        {
            Assert.That(await IdsAsync(therapist), Does.Not.Contain(id));
            using var read = await therapist.GetAsync($"/api/therapist/consultations/{id}");
            Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }
    }

    [Test]
    public async Task Proposal_LeftUnansweredPastItsLastTime_ExpiresAndTellsTheProspect()
    {
        var id = await HoldAsync(MondayNine);
        Assert.That(await ActAsync(Ada, id, "propose", new { slotStarts = new[] { TuesdayTen, MondayTen } }), Is.EqualTo(HttpStatusCode.OK));
        var lastTakeable = Instant.FromUtc(2027, 3, 16, 14, 0) - Duration.FromMinutes(120);

        Clock.Reset(lastTakeable - Duration.FromMinutes(1));
        Assert.That(await ExpireAsync(), Is.Zero, "the later time can still be taken");
        Clock.Reset(lastTakeable);
        Assert.That(await ExpireAsync(), Is.EqualTo(1));

        await using var db = Database.Open();
        var request = await db.ConsultationRequests.AsNoTracking().SingleAsync(r => r.Id == new ConsultationRequestId(id));
        Assert.That((request.Status, request.TherapistId, request.ProposalExpiresAt), Is.EqualTo((ConsultationStatus.Expired, "t1", (Instant?)null)));
        var notice = await db.Messages.AsNoTracking().SingleAsync(m => m.ConsultationRequestId == new ConsultationRequestId(id) && m.Kind == MessageKind.Expired);
        Assert.That(notice.Body, Does.Contain("times offered").And.Not.Contain("released"), "it says the offered times passed, not that a held time was released");
        Assert.That(notice.Body, Does.Not.Contain(Requests.SensitiveWords));
    }

    [Test]
    public async Task Proposal_WithAnAnswerWindow_ExpiresWhenTheWindowCloses()
    {
        await RestartAsync(new Dictionary<string, string> { ["Practice:ProposalAnswerHours"] = "24" });
        var id = await CallbackAsync();
        Assert.That(await ActAsync(Ada, id, "propose", new { slotStarts = new[] { TuesdayTen } }), Is.EqualTo(HttpStatusCode.OK));

        Clock.Advance(Duration.FromHours(24) - Duration.FromMinutes(1));
        Assert.That(await ExpireAsync(), Is.Zero);
        Clock.Advance(Duration.FromMinutes(1));
        Assert.That(await ExpireAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task Proposal_AcceptedBeforeItLapses_DoesNotExpire()
    {
        var id = await CallbackAsync();
        Assert.That(await ActAsync(Ada, id, "propose", new { slotStarts = new[] { TuesdayTen } }), Is.EqualTo(HttpStatusCode.OK));
        var token = Api.Services.GetRequiredService<ManageLinks>()
            .TokenFor(new ConsultationRequestId(id), Now + Duration.FromDays(30));
        using (var accepted = await Anonymous.PostAsJsonAsync($"/api/manage/{token}/accept", new { slotStart = TuesdayTen }))
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        Clock.Reset(Instant.FromUtc(2027, 3, 16, 13, 0));
        Assert.That(await ExpireAsync(), Is.Zero);
        await using var db = Database.Open();
        Assert.That(await db.ConsultationRequests.Where(r => r.Id == new ConsultationRequestId(id)).Select(r => r.Status).SingleAsync(),
            Is.EqualTo(ConsultationStatus.Confirmed));
    }

    private async Task AssertOnlyAdaSeesAsync(Guid id)
    {
        Assert.That(await IdsAsync(Ada), Does.Contain(id));
        Assert.That(await IdsAsync(Ben), Does.Not.Contain(id));
        foreach (var read in Reads)
        {
            using var ada = await Ada.GetAsync($"/api/therapist/consultations/{id}{read}");
            using var ben = await Ben.GetAsync($"/api/therapist/consultations/{id}{read}");
            Assert.That((ada.StatusCode, ben.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.NotFound)), read);
        }

        await using var db = Database.Open();
        var before = await db.ConsultationRequests.AsNoTracking().Where(r => r.Id == new ConsultationRequestId(id))
            .Select(r => new { r.Status, r.Version }).SingleAsync();
        foreach (var (action, body) in Actions)
            Assert.That(await ActAsync(Ben, id, action, body), Is.EqualTo(HttpStatusCode.NotFound), action);
        var after = await db.ConsultationRequests.AsNoTracking().Where(r => r.Id == new ConsultationRequestId(id))
            .Select(r => new { r.Status, r.Version }).SingleAsync();
        Assert.That(after, Is.EqualTo(before), "another therapist changed nothing");
    }

    private async Task<int> ExpireAsync()
    {
        await using var scope = Api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ExpireOverdueRequests());
    }

    private static async Task<List<Guid>> IdsAsync(HttpClient therapist)
    {
        var inbox = await therapist.GetFromJsonAsync<JsonElement>("/api/therapist/consultations");
        return inbox.GetProperty("consultations").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
    }
}
