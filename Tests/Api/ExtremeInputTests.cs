using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Intake.Domain.Consultations;
using Intake.Domain.Consultations.ManageLinks;
using Intake.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Intake.Tests.Api;

/// <summary>
/// Dates, times and ranges at and beyond the calendar's ends, wherever a caller can give one: each is a 400 naming
/// the field, never a 500, and nothing is stored. The clock is Wednesday 10 March 2027; the horizon is 30 days.
/// </summary>
public class ExtremeInputTests : ApiTests
{
    private const string MondayNine = "2027-03-15T09:00:00-04:00";

    [TestCase("9999-12-31", "9999-12-31", "UTC", "from")]
    [TestCase("9999-12-31", "9999-12-31", "Pacific/Kiritimati", "to")]
    [TestCase("9998-12-31", "9998-12-31", "America/New_York", "from")]
    [TestCase("0000-01-01", "0000-01-02", "UTC", "from")]
    [TestCase("-0001-01-01", "2027-03-12", "UTC", "from")]
    [TestCase("0001-01-01", "0001-01-01", "Etc/GMT%2B12", "to")]
    [TestCase("2027-03-10", "9999-12-31", "UTC", "to")]
    [TestCase("2027-04-12", "2027-04-13", "America/New_York", "from")]
    [TestCase("2027-01-04", "2027-03-08", "America/New_York", "to")]
    [TestCase("10000-01-01", "2027-03-12", "UTC", "from")]
    public async Task Slots_DateOutsideTheCalendarOrTheHorizon_Returns400NamingTheField(string from, string to, string zone, string field)
    {
        using var response = await Client.GetAsync($"/api/slots?from={from}&to={to}&timeZone={zone}");

        await AssertNamesAsync(response, field);
    }

    [TestCase("2027-03-09", "2027-03-10")]
    [TestCase("2027-04-10", "2027-04-11")]
    public async Task Slots_RangeTouchingTheHorizon_IsServed(string from, string to)
    {
        using var response = await Client.GetAsync($"/api/slots?from={from}&to={to}&timeZone=America/New_York");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("9999-12-31T23:00:00Z")]
    [TestCase("9999-12-31T23:59:59-18:00")]
    [TestCase("9998-12-31T23:00:00-18:00")]
    [TestCase("0001-01-01T00:00:00+18:00")]
    [TestCase("0000-06-01T12:00:00Z")]
    [TestCase("-0001-06-01T12:00:00Z")]
    public async Task Request_SlotStartAtTheCalendarsEnds_Returns400AndStoresNothing(string slotStart)
    {
        using var response = await Client.PostAsJsonAsync("/api/consultations", Requests.WithSlot(Requests.ByText(), slotStart, "t1"));

        await AssertNamesAsync(response, "slotStart");
        Assert.That(await Database.CountRowsAsync(), Is.EqualTo((0, 0)));
    }

    [TestCase("confirm", "slotStart")]
    [TestCase("reschedule", "slotStart")]
    [TestCase("propose", "slotStarts[0]")]
    public async Task TherapistAction_SlotStartAtTheCalendarsEnd_Returns400AndChangesNothing(string action, string field)
    {
        using var ada = await TherapistAccounts.SignedInClientAsync(Api, "t1", "ada@calmharbor.example");
        var id = await HoldAsync();
        var before = await SnapshotAsync();
        object body = action == "propose"
            ? new { slotStarts = new[] { "9999-12-31T23:00:00Z" } }
            : new { slotStart = "9999-12-31T23:00:00Z" };

        using var response = await ada.PostAsJsonAsync($"/api/therapist/consultations/{id.Value}/{action}", body);

        await AssertNamesAsync(response, field);
        Assert.That(await SnapshotAsync(), Is.EqualTo(before));
    }

    [TestCase("accept")]
    [TestCase("reschedule")]
    public async Task ManageAction_SlotStartAtTheCalendarsEnd_Returns400AndChangesNothing(string action)
    {
        var id = await HoldAsync();
        var token = Api.Services.GetRequiredService<ManageLinks>().TokenFor(id, Clock.GetCurrentInstant() + Duration.FromDays(30));
        var before = await SnapshotAsync();

        using var response = await Client.PostAsJsonAsync($"/api/manage/{token}/{action}", new { slotStart = "9999-12-31T23:00:00Z" });

        await AssertNamesAsync(response, "slotStart");
        Assert.That(await SnapshotAsync(), Is.EqualTo(before));
    }

    [TestCase("PUT", "9999-12-31")]
    [TestCase("PUT", "9998-12-31")]
    [TestCase("PUT", "0000-01-01")]
    [TestCase("PUT", "0001-01-01")]
    [TestCase("DELETE", "9999-12-31")]
    [TestCase("DELETE", "0000-01-01")]
    public async Task DateOverride_DateAtTheCalendarsEnds_Returns400NamingTheDate(string method, string date)
    {
        using var ada = await TherapistAccounts.SignedInClientAsync(Api, "t1", "ada@calmharbor.example");
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/therapist/availability/overrides/{date}")
        {
            Content = method == "PUT" ? new StringContent("""{"windows": ["09:00-10:00"]}""", Encoding.UTF8, "application/json") : null,
        };

        using var response = await ada.SendAsync(request);

        await AssertNamesAsync(response, "date");
        await using var db = Database.Open();
        Assert.That(await db.Therapists.Where(t => t.Id == "t1").Select(t => t.DateOverrides).SingleAsync(), Is.EqualTo("{}").Or.Empty);
    }

    [TestCase("/api/auth/register")]
    [TestCase("/api/auth/register/")]
    [TestCase("/API/AUTH/REGISTER")]
    [TestCase("/api/auth/Register/")]
    [TestCase("/api/auth%2Fregister")]
    [TestCase("/api/auth%2fregister/")]
    [TestCase("/api/auth//register")]
    [TestCase("/api/auth/register?useCookies=true")]
    public async Task Register_AnySpelling_IsNotThereAndMakesNoAccount(string path)
    {
        using var response = await Client.PostAsJsonAsync(path, new { email = "mallory@example.com", password = TherapistAccounts.Password });

        Assert.That(response.StatusCode, Is.AnyOf(HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed));
        await using var db = Database.Open();
        Assert.That(await db.Users.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task Login_StillMapped_AnswersAWrongPasswordWith401()
    {
        using var response = await Client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@example.com", password = "wrong" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private async Task<ConsultationRequestId> HoldAsync()
    {
        using var response = await Client.PostAsJsonAsync("/api/consultations", Requests.WithSlot(Requests.ByEmail(), MondayNine, "t1"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        return new ConsultationRequestId((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    private async Task<string> SnapshotAsync()
    {
        await using var db = Database.Open();
        var requests = await db.ConsultationRequests.Select(r => $"{r.Id}:{r.Status}:{r.SlotStart}").ToListAsync();
        return $"{string.Join(",", requests.Order())} | holds {await db.SlotHolds.CountAsync()} | messages {await db.Messages.CountAsync()}";
    }

    private static async Task AssertNamesAsync(HttpResponseMessage response, string field)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(p => p.Name), Does.Contain(field));
    }
}
