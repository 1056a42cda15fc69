using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Intake.Domain.Consultations;
using Intake.Domain.Consultations.ManageLinks;
using Intake.Domain.Messages;
using Intake.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Intake.Tests.Api;

/// <summary>
/// The short manage link in texts (/m/{code}) opens the request's manage link while that is valid, and is "not
/// found" otherwise; a prospect who moves the call from their link has the therapist told, as a cancel does.
/// </summary>
public class ShortLinkTests : TwoTherapistsTests
{
    private const string MondayNine = "2027-03-15T09:00:00-04:00";
    private const string MondayTen = "2027-03-15T10:00:00-04:00";

    [Test]
    public async Task ShortLink_WhileTheRequestsLinkIsValid_RedirectsToItsManageLink()
    {
        var id = await HoldAsync(MondayNine);
        var code = await ShortCodeAsync(id);
        using var client = Api.CreateClientNotFollowingRedirects();

        using var response = await client.GetAsync($"/m/{code}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var location = response.Headers.Location!.ToString();
        Assert.That(location, Does.StartWith("http://127.0.0.1:5080/manage/"));
        Assert.That(location, Does.Not.Contain(code), "the code stays on the server's side");
        var token = location["http://127.0.0.1:5080/manage/".Length..];
        var view = await Anonymous.GetFromJsonAsync<JsonElement>($"/api/manage/{token}");
        Assert.That(view.GetProperty("status").GetString(), Is.EqualTo("Pending"));
    }

    [TestCase("")]
    [TestCase("abc")]
    [TestCase("ABCDEFGHJKMN")]
    [TestCase("23456789abcd")]
    [TestCase("23456789abc%2F")]
    public async Task ShortLink_ThatIsNoRequestsCode_IsNotFound(string code)
    {
        await HoldAsync(MondayNine);
        using var client = Api.CreateClientNotFollowingRedirects();

        using var response = await client.GetAsync($"/m/{code}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task ShortLink_AfterTheManageLinkExpired_IsNotFound()
    {
        var id = await HoldAsync(MondayNine);
        var code = await ShortCodeAsync(id);
        Clock.Reset(Instant.FromUtc(2027, 3, 15, 13, 15) + ManageLinks.AfterTheCall);
        using var client = Api.CreateClientNotFollowingRedirects();

        using var response = await client.GetAsync($"/m/{code}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task EveryRequest_HasItsOwnCode()
    {
        var codes = new List<string>();
        for (var i = 0; i < 20; i++)
            codes.Add(await ShortCodeAsync(await CallbackAsync()));

        Assert.That(codes, Is.Unique);
        Assert.That(codes, Is.All.Matches<string>(ShortLinks.IsWellFormed));
    }

    [Test]
    public async Task RescheduleByTheProspect_AlertsTheTherapistInTheirZone_ButNotWhenTheTherapistMovesIt()
    {
        var id = await HoldAsync(MondayNine);
        Assert.That(await ActAsync(Ada, id, "confirm"), Is.EqualTo(HttpStatusCode.OK));
        var token = Api.Services.GetRequiredService<ManageLinks>().TokenFor(new ConsultationRequestId(id), Now + Duration.FromDays(30));

        using (var moved = await Anonymous.PostAsJsonAsync($"/api/manage/{token}/reschedule", new { slotStart = MondayTen }))
            Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await ActAsync(Ada, id, "reschedule", new { slotStart = MondayNine }), Is.EqualTo(HttpStatusCode.OK));

        await using var db = Database.Open();
        var alerts = await db.Messages.AsNoTracking()
            .Where(m => m.ConsultationRequestId == new ConsultationRequestId(id) && m.Kind == MessageKind.TherapistRescheduledAlert)
            .ToListAsync();
        Assert.That(alerts, Has.Count.EqualTo(1), "the therapist's own move tells no therapist");
        Assert.That(alerts[0].Recipient, Is.EqualTo("ada@calmharbor.example"));
        Assert.That(alerts[0].Body, Does.Contain("from Mon 15 Mar, 9:00 AM EDT to Mon 15 Mar, 10:00 AM EDT"));
        Assert.That(alerts[0].Body, Does.Not.Contain(Requests.SensitiveWords).And.Not.Contain("Jane"));
    }

    private async Task<string> ShortCodeAsync(Guid id)
    {
        await using var db = Database.Open();
        return await db.ConsultationRequests.Where(r => r.Id == new ConsultationRequestId(id)).Select(r => r.ShortCode!).SingleAsync();
    }
}
