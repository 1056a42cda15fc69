using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Intake.Domain.Consultations;
using Intake.Tests.Support;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;

namespace Intake.Tests.Api;

/// <summary>
/// The therapist keeps their own hours through the API, and /api/slots follows. t1 (the root appsettings.json) works
/// in New York, Monday to Thursday 09:00-12:00 and 13:00-17:00, Friday 09:00-12:00.
/// </summary>
public class TherapistAvailabilityTests
{
    // Wednesday 10 March 2027, 07:00 EST.
    private static readonly Instant Now = Instant.FromUtc(2027, 3, 10, 12, 0);
    private const string Saturday = "2027-03-13";
    private const string Monday = "2027-03-15";
    private const string Tuesday = "2027-03-16";
    private const string MondayNine = "2027-03-15T09:00:00-04:00";

    private FakeClock _clock = null!;
    private TestDatabase _database = null!;
    private ApiFactory _api = null!;
    private HttpClient _anonymous = null!;
    private HttpClient _ada = null!;

    [SetUp]
    public async Task SetUp()
    {
        _clock = new FakeClock(Now);
        _database = new TestDatabase();
        _api = new ApiFactory(_database, _clock);
        _anonymous = _api.CreateClient();
        _ada = await TherapistAccounts.SignedInClientAsync(_api, "t1", "ada@calmharbor.example");
    }

    [TearDown]
    public async Task TearDown()
    {
        _anonymous.Dispose();
        _ada.Dispose();
        await _api.DisposeAsync();
        _database.Dispose();
    }

    [Test]
    public async Task Get_ShowsTheHoursInTheTherapistsZone()
    {
        var availability = await AvailabilityAsync();

        Assert.That(availability.GetProperty("timeZone").GetString(), Is.EqualTo("America/New_York"));
        Assert.That(Days(availability), Is.EqualTo(new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" }));
        Assert.That(Windows(availability.GetProperty("weeklyHours"), "Monday"), Is.EqualTo(new[] { "09:00-12:00", "13:00-17:00" }));
        Assert.That(availability.GetProperty("dateOverrides").EnumerateObject(), Is.Empty);
    }

    [Test]
    public async Task PutWeeklyHours_ReplacesThemAndTheOfferedSlotsFollow()
    {
        Assert.That(await SlotsAsync(Monday), Has.Count.EqualTo(12 + 16));

        using var response = await _ada.PutAsJsonAsync("/api/therapist/availability/weekly-hours", new Dictionary<string, string[]>
        {
            ["Monday"] = ["13:00-14:00", "10:00-11:00"],
            ["saturday"] = ["09:00-10:00"],
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var saved = await AvailabilityAsync();
        Assert.That(Days(saved), Is.EqualTo(new[] { "Monday", "Saturday" }), "day names as the week runs");
        Assert.That(Windows(saved.GetProperty("weeklyHours"), "Monday"), Is.EqualTo(new[] { "10:00-11:00", "13:00-14:00" }));
        Assert.That((await SlotsAsync(Monday)).First(), Is.EqualTo("2027-03-15T10:00:00-04:00"));
        Assert.That(await SlotsAsync(Monday), Has.Count.EqualTo(8));
        Assert.That(await SlotsAsync(Saturday), Has.Count.EqualTo(4));
        Assert.That(await SlotsAsync(Tuesday), Is.Empty);
    }

    [Test]
    public async Task PutWeeklyHours_KeepsHeldAndConfirmedBookings()
    {
        var held = await HoldAsync(MondayNine);

        using var response = await _ada.PutAsJsonAsync("/api/therapist/availability/weekly-hours",
            new Dictionary<string, string[]> { ["Monday"] = ["13:00-17:00"] });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await using (var db = _database.Open())
        {
            var request = await db.ConsultationRequests.Include(r => r.Holds).SingleAsync();
            Assert.That((request.Status, request.Holds.Count), Is.EqualTo((ConsultationStatus.Pending, 15)));
        }

        using var confirm = await _ada.PostAsync($"/api/therapist/consultations/{held}/confirm", content: null);
        Assert.That(confirm.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the held time is confirmed even though it is no longer in the hours");
    }

    [Test]
    public async Task PutOverride_ADayOff_RemovesThatDaysSlotsOnly_AndDeleteBringsThemBack()
    {
        using var put = await _ada.PutAsJsonAsync($"/api/therapist/availability/overrides/{Monday}", new { windows = Array.Empty<string>() });

        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await SlotsAsync(Monday), Is.Empty);
        Assert.That(await SlotsAsync(Tuesday), Has.Count.EqualTo(12 + 16));
        var availability = await AvailabilityAsync();
        Assert.That(Windows(availability.GetProperty("dateOverrides"), Monday), Is.Empty);

        using var delete = await _ada.DeleteAsync($"/api/therapist/availability/overrides/{Monday}");

        Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await SlotsAsync(Monday), Has.Count.EqualTo(12 + 16));
        Assert.That((await AvailabilityAsync()).GetProperty("dateOverrides").EnumerateObject(), Is.Empty);
    }

    [Test]
    public async Task PutOverride_WithWindows_OpensADayOutsideTheWeeklyHours()
    {
        using var put = await _ada.PutAsJsonAsync($"/api/therapist/availability/overrides/{Saturday}", new { windows = new[] { "09:00-10:00" } });

        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await SlotsAsync(Saturday), Is.EqualTo(new[]
        {
            "2027-03-13T09:00:00-05:00", "2027-03-13T09:15:00-05:00", "2027-03-13T09:30:00-05:00", "2027-03-13T09:45:00-05:00",
        }));
    }

    [Test]
    public async Task PutOverride_ForgetsOverridesOfDatesAlreadyPast()
    {
        using (var first = await _ada.PutAsJsonAsync($"/api/therapist/availability/overrides/{Monday}", new { windows = Array.Empty<string>() }))
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        _clock.Reset(Instant.FromUtc(2027, 3, 17, 12, 0));

        using var second = await _ada.PutAsJsonAsync($"/api/therapist/availability/overrides/2027-03-20", new { windows = Array.Empty<string>() });

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await AvailabilityAsync()).GetProperty("dateOverrides").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "2027-03-20" }));
    }

    [Test]
    public async Task DeleteOverride_WhereThereIsNone_Returns404()
    {
        using var response = await _ada.DeleteAsync($"/api/therapist/availability/overrides/{Monday}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [TestCase("""{"Monday": ["09:00-12:00", "11:00-13:00"]}""", "weeklyHours.Monday")]
    [TestCase("""{"Friday": ["13:00-24:00", "23:00-23:30"]}""", "weeklyHours.Friday")]
    [TestCase("""{"Tuesday": ["9-12"]}""", "weeklyHours.Tuesday")]
    [TestCase("""{"Wednesday": ["12:00-09:00"]}""", "weeklyHours.Wednesday")]
    [TestCase("""{"Thursday": ["09:00-10:00", null]}""", "weeklyHours.Thursday")]
    [TestCase("""{"Sunday": null}""", "weeklyHours.Sunday")]
    [TestCase("""{"Monday": ["09:00-10:00"], "monday": ["11:00-12:00"]}""", "weeklyHours.Monday")]
    [TestCase("""{"Funday": ["09:00-10:00"]}""", "weeklyHours")]
    [TestCase("""{"1": ["09:00-10:00"]}""", "weeklyHours")]
    [TestCase("""["09:00-10:00"]""", "body")]
    [TestCase("", "weeklyHours")]
    public async Task PutWeeklyHours_Bad_Returns400NamingTheDayAndChangesNothing(string body, string field)
    {
        var before = (await AvailabilityAsync()).GetRawText();

        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _ada.PutAsync("/api/therapist/availability/weekly-hours", content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await ErrorFieldsAsync(response), Does.Contain(field));
        Assert.That((await AvailabilityAsync()).GetRawText(), Is.EqualTo(before));
    }

    [TestCase("2027-02-30", """{"windows": []}""", "date")]
    [TestCase("15-03-2027", """{"windows": []}""", "date")]
    [TestCase("2027-03-09", """{"windows": []}""", "date")]
    [TestCase("2029-03-11", """{"windows": []}""", "date")]
    [TestCase(Monday, """{"windows": ["09:00-12:00", "11:30-13:00"]}""", "windows")]
    [TestCase(Monday, """{"windows": ["09:00-12:00", "nine to five"]}""", "windows")]
    [TestCase(Monday, """{}""", "windows")]
    [TestCase(Monday, "", "windows")]
    public async Task PutOverride_Bad_Returns400NamingTheFieldAndChangesNothing(string date, string body, string field)
    {
        var before = (await AvailabilityAsync()).GetRawText();

        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _ada.PutAsync($"/api/therapist/availability/overrides/{date}", content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await ErrorFieldsAsync(response), Does.Contain(field));
        Assert.That((await AvailabilityAsync()).GetRawText(), Is.EqualTo(before));
    }

    [Test]
    public async Task PutOverride_Today_IsAccepted()
    {
        using var response = await _ada.PutAsJsonAsync("/api/therapist/availability/overrides/2027-03-10", new { windows = Array.Empty<string>() });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private async Task<JsonElement> AvailabilityAsync() =>
        await _ada.GetFromJsonAsync<JsonElement>("/api/therapist/availability");

    private async Task<List<string>> SlotsAsync(string date)
    {
        var body = await _anonymous.GetFromJsonAsync<JsonElement>($"/api/slots?from={date}&to={date}&timeZone=America/New_York&therapistId=t1");
        return body.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("start").GetString()!).ToList();
    }

    private async Task<Guid> HoldAsync(string slotStart)
    {
        using var response = await _anonymous.PostAsJsonAsync("/api/consultations", Requests.WithSlot(Requests.ByText(), slotStart, "t1"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static List<string> Days(JsonElement availability) =>
        availability.GetProperty("weeklyHours").EnumerateObject().Select(p => p.Name).ToList();

    private static List<string> Windows(JsonElement map, string key) =>
        map.GetProperty(key).EnumerateArray().Select(w => w.GetString()!).ToList();

    private static async Task<List<string>> ErrorFieldsAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
    }
}
