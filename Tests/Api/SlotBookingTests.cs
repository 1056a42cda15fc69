using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Intake.Domain.Availability;
using Intake.Domain.Consultations;
using Intake.Domain.Messages;
using Intake.Tests.Support;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Intake.Tests.Api;

/// <summary>
/// Open slots and holding one, through HTTP on a real SQLite file. The practice is the root appsettings.json's:
/// therapist t1 in America/New_York, Monday to Thursday 09:00-12:00 and 13:00-17:00, Friday 09:00-12:00.
/// </summary>
public class SlotBookingTests : ApiTests
{
    // Wednesday 10 March 2027, 07:00 EST. New York moves to EDT on Sunday 14 March.
    private static readonly Instant Now = Instant.FromUtc(2027, 3, 10, 12, 0);
    private const string MondayNineNewYork = "2027-03-15T09:00:00-04:00";



    private async Task<List<(string TherapistId, string Start, string End)>> SlotsAsync(string from, string to, string zone)
    {
        var body = await Client.GetFromJsonAsync<JsonElement>($"/api/slots?from={from}&to={to}&timeZone={zone}");
        Assert.That(body.GetProperty("timeZone").GetString(), Is.EqualTo(zone));
        return body.GetProperty("slots").EnumerateArray()
            .Select(s => (s.GetProperty("therapistId").GetString()!, s.GetProperty("start").GetString()!, s.GetProperty("end").GetString()!))
            .ToList();
    }

    private Task<HttpResponseMessage> BookAsync(string slotStart, string therapistId = "t1") =>
        Client.PostAsJsonAsync("/api/consultations", Requests.WithSlot(Requests.ByText(), slotStart, therapistId));

    [Test]
    public async Task Slots_ForAWorkingDay_ListTheWindowsInTheAskersOffset()
    {
        var slots = await SlotsAsync("2027-03-15", "2027-03-15", "America/New_York");

        Assert.That(slots, Has.Count.EqualTo(12 + 16));
        Assert.That(slots[0], Is.EqualTo(("t1", MondayNineNewYork, "2027-03-15T09:15:00-04:00")));
        Assert.That(slots[^1], Is.EqualTo(("t1", "2027-03-15T16:45:00-04:00", "2027-03-15T17:00:00-04:00")));
    }

    [Test]
    public async Task Slots_AskedFromAnotherZone_AreTheSameInstants()
    {
        var newYork = await SlotsAsync("2027-03-15", "2027-03-15", "America/New_York");
        var london = await SlotsAsync("2027-03-15", "2027-03-15", "Europe/London");

        Assert.That(london[0], Is.EqualTo(("t1", "2027-03-15T13:00:00+00:00", "2027-03-15T13:15:00+00:00")));
        Assert.That(london.Select(s => Parse(s.Start)), Is.EqualTo(newYork.Select(s => Parse(s.Start))));
    }

    [Test]
    public async Task Post_OpenSlot_HoldsItAndItIsNoLongerOffered()
    {
        using var response = await BookAsync(MondayNineNewYork);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString(), Is.EqualTo("Pending"));
        var slots = await SlotsAsync("2027-03-15", "2027-03-15", "America/New_York");
        Assert.That(slots.Select(s => s.Start), Does.Not.Contain(MondayNineNewYork));
        Assert.That(slots, Has.Count.EqualTo(27));

        await using var db = Database.Open();
        var request = await db.ConsultationRequests.Include(r => r.Holds).SingleAsync();
        Assert.Multiple(() =>
        {
            Assert.That(request.Slot, Is.EqualTo(new Slot("t1", Parse(MondayNineNewYork), Parse(MondayNineNewYork) + Duration.FromMinutes(15))));
            Assert.That(request.Holds, Has.Count.EqualTo(15), "one row per minute of the call");
        });
        var acknowledgement = await db.Messages.SingleAsync(m => m.Kind == MessageKind.Acknowledgement);
        var alert = await db.Messages.SingleAsync(m => m.Kind == MessageKind.TherapistAlert);
        Assert.That(acknowledgement.Body, Does.Contain("Mon 15 Mar, 1:00 PM GMT"), "the prospect's zone");
        Assert.That(alert.Body, Does.Contain("Requested time: Mon 15 Mar, 9:00 AM EDT"), "the therapist's zone");
    }

    [Test]
    public async Task Post_TakenSlot_Returns409AndStoresNothing()
    {
        using (var first = await BookAsync(MondayNineNewYork))
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var before = await Database.CountRowsAsync();

        using var second = await BookAsync("2027-03-15T14:00:00+01:00"); // the same instant, written in another offset

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(second.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await Database.CountRowsAsync(), Is.EqualTo(before));
    }

    [TestCase("2027-03-15T08:00:00-04:00", TestName = "Post_SlotBeforeHours_Returns409")]
    [TestCase("2027-03-15T12:00:00-04:00", TestName = "Post_SlotInTheLunchGap_Returns409")]
    [TestCase("2027-03-15T09:05:00-04:00", TestName = "Post_SlotOffTheGrid_Returns409")]
    [TestCase("2027-03-13T10:00:00-05:00", TestName = "Post_SlotOnASaturday_Returns409")]
    [TestCase("2027-03-10T08:00:00-05:00", TestName = "Post_SlotInsideTheMinimumNotice_Returns409")]
    [TestCase("2027-04-12T09:00:00-04:00", TestName = "Post_SlotBeyondTheHorizon_Returns409")]
    public async Task Post_SlotThatIsNotOpen_Returns409AndStoresNothing(string slotStart)
    {
        using var response = await BookAsync(slotStart);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await Database.CountRowsAsync(), Is.EqualTo((0, 0)));
    }

    [TestCase("2027-03-15 09:00", "t1", "slotStart")]
    [TestCase("2027-03-15T09:00:00", "t1", "slotStart")]
    [TestCase(MondayNineNewYork, "", "therapistId")]
    [TestCase(MondayNineNewYork, "t9", "therapistId")]
    public async Task Post_BadSlotFields_Returns400NamingTheField(string slotStart, string therapistId, string field)
    {
        using var response = await BookAsync(slotStart, therapistId);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(p => p.Name), Does.Contain(field));
        Assert.That(await Database.CountRowsAsync(), Is.EqualTo((0, 0)));
    }

    [TestCase("2027-03-16", "2027-03-15", "America/New_York", "to")]
    [TestCase("2027-03-01", "2027-05-02", "America/New_York", "to")]
    [TestCase("2027-03-15", "2027-03-15", "Mars/Olympus_Mons", "timeZone")]
    [TestCase("15/03/2027", "2027-03-15", "America/New_York", "from")]
    [TestCase("2027-02-30", "2027-03-15", "America/New_York", "from")]
    [TestCase("", "2027-03-15", "America/New_York", "from")]
    public async Task Slots_BadQuery_Returns400NamingTheField(string from, string to, string zone, string field)
    {
        using var response = await Client.GetAsync($"/api/slots?from={from}&to={to}&timeZone={zone}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(p => p.Name), Does.Contain(field));
    }

    [Test]
    public async Task Slots_AtTheLimitOf62Days_AreServed()
    {
        using var response = await Client.GetAsync("/api/slots?from=2027-03-10&to=2027-05-10&timeZone=America/New_York");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Database_RefusesOverlappingHoldsEvenWhenCodeDoesNotCheck()
    {
        // Bypass every check in code: two requests whose calls overlap by five minutes, saved straight to the database.
        var prospect = new Prospect("A", "+12125550199", "a@example.com", ContactChannel.Email, false, DateTimeZoneProviders.Tzdb["UTC"]);
        var nine = Parse(MondayNineNewYork);
        await using (var db = Database.Open())
        {
            db.ConsultationRequests.Add(ConsultationRequest.HoldSlot(prospect, null, new Slot("t1", nine, nine + Duration.FromMinutes(15)), Duration.Zero, Now));
            await db.SaveChangesAsync();
        }

        await using var other = Database.Open();
        other.ConsultationRequests.Add(ConsultationRequest.HoldSlot(prospect, null,
            new Slot("t1", nine + Duration.FromMinutes(10), nine + Duration.FromMinutes(25)), Duration.Zero, Now));

        Assert.That(() => other.SaveChangesAsync(), Throws.InstanceOf<DbUpdateException>());
    }

    [Test]
    [Category("Concurrency")]
    public async Task Post_TwoHundredRequestsForOneSlotAtOnce_ExactlyOneHoldsIt()
    {
        using var start = new SemaphoreSlim(0);
        var attempts = Enumerable.Range(0, 200).Select(async _ =>
        {
            await start.WaitAsync();
            using var response = await BookAsync(MondayNineNewYork);
            return response.StatusCode;
        }).ToList();
        start.Release(200);

        var codes = await Task.WhenAll(attempts);

        Assert.That(codes.Count(c => c == HttpStatusCode.Created), Is.EqualTo(1));
        Assert.That(codes.Count(c => c == HttpStatusCode.Conflict), Is.EqualTo(199));
        await using var db = Database.Open();
        Assert.That(await db.ConsultationRequests.CountAsync(), Is.EqualTo(1));
        Assert.That(await db.SlotHolds.CountAsync(), Is.EqualTo(15));
        Assert.That(await db.Messages.CountAsync(), Is.EqualTo(2), "one acknowledgement and one alert, for the one request");
    }

    private static Instant Parse(string offsetDateTime) =>
        NodaTime.Text.OffsetDateTimePattern.ExtendedIso.Parse(offsetDateTime).Value.ToInstant();
}
