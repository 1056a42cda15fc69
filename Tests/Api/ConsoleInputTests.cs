using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Intake.Domain.Consultations;
using Intake.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Intake.Tests.Api;

/// <summary>
/// Tampered posts to the console's forms, each with a valid anti-forgery token taken from the page (so the handler
/// answers, not anti-forgery): a clear answer — the page with its words, or a 4xx — never a 500, and nothing stored,
/// nothing queued. Ada (t1) has a time held on Thursday 11 March 09:00 and a callback waiting.
/// </summary>
public sealed class ConsoleInputTests : ApiTests
{
    private const string ThursdayNine = "2027-03-11T09:00:00-05:00";
    private const string NotAnInstant = "Must be an ISO 8601 time with its offset";
    private static readonly string Huge = new('9', 10_000);

    private ConsoleSession _ada = null!;
    private Guid _held;
    private Guid _callback;

    [SetUp]
    public async Task SignInWithTwoRequests()
    {
        await TherapistAccounts.CreateAccountAsync(Api, "t1", "ada@calmharbor.example");
        _held = await CreateAsync(Requests.WithSlot(Requests.ByEmail(), ThursdayNine, "t1"));
        _callback = await CreateAsync(Requests.Json(Requests.ByEmail()));
        _ada = await ConsoleSession.SignInAsync(Api, "ada@calmharbor.example");
    }

    [TearDown]
    public void SignOut() => _ada.Dispose();

    /// <summary>
    /// Each tampered post: its name, which request (the callback or the held time), the handler, the fields; the status
    /// and the words the page must answer with. One Api serves the whole table (each case changes nothing, which
    /// each checks), so the table costs one start, not fifteen.
    /// </summary>
    private static readonly (string Name, bool Callback, string Handler, (string, string)[] Fields, int Status, string Words)[] Tampered =
    [
        ("a time never offered", true, "confirm", [("slotStart", "2027-03-11T03:00:00-05:00")], 409, "That time is not open any more."),
        ("a time in year 1", true, "confirm", [("slotStart", "0001-01-01T09:00:00Z")], 409, "That time is not open any more."),
        ("a time in year 9999", true, "confirm", [("slotStart", "9999-12-31T09:00:00Z")], 400, NotAnInstant),
        ("a malformed time", true, "confirm", [("slotStart", "next tuesday")], 400, NotAnInstant),
        ("a 10,000-character time", true, "confirm", [("slotStart", Huge)], 400, NotAnInstant),
        ("a callback confirmed without a time", true, "confirm", [], 409, "A callback request is confirmed with a time."),
        ("a 10,000-character note", false, "decline", [("note", new string('x', 10_000))], 400, "Note must be at most 500 characters."),
        ("nothing to propose", true, "propose", [], 400, "Propose one to five times."),
        ("six times to propose", true, "propose",
            [.. Enumerable.Range(0, 6).Select(i => ("slotStarts", $"2027-03-12T{9 + i:00}:00:00-05:00"))], 400, "Propose one to five times."),
        ("a malformed time to propose", true, "propose", [("slotStarts", "2027-13-45T99:00")], 400, "Each time must be ISO 8601 with its offset"),
        ("a time in year 1 to propose", true, "propose", [("slotStarts", "0001-01-02T00:00:00Z")], 409, "That time is not open any more."),
        ("a reschedule without a time", false, "reschedule", [], 400, NotAnInstant),
        ("a reschedule of a held time", false, "reschedule", [("slotStart", "2027-03-12T09:00:00-05:00")], 409, "cannot be rescheduled"),
        ("completed before it is confirmed", false, "complete", [], 409, "cannot be completed"),
        ("a no-show before it is confirmed", false, "noshow", [], 409, "cannot be marked a no-show"),
    ];

    [Test]
    public async Task RequestPage_TamperedPosts_AreRefusedWithTheirWords_AndChangeNothing()
    {
        var token = await _ada.TokenAsync($"/console/requests/{_held}");
        var before = await SnapshotAsync();
        using var all = Assert.EnterMultipleScope();
        foreach (var (name, callback, handler, fields, status, words) in Tampered)
        {
            using var response = await _ada.PostAsync($"/console/requests/{(callback ? _callback : _held)}?handler={handler}", token, fields);

            Assert.That((int)response.StatusCode, Is.EqualTo(status), name);
            Assert.That(await ConsoleSession.TextAsync(response), Does.Contain("That was not done").And.Contain(words), name);
            Assert.That(await SnapshotAsync(), Is.EqualTo(before), $"{name}: nothing stored, nothing queued");
        }
    }

    [Test]
    public async Task ConsolePosts_ToARequestOfAnotherShapeOrAnUnknownAction_AreNotFound()
    {
        var token = await _ada.TokenAsync($"/console/requests/{_held}");
        var before = await SnapshotAsync();
        string[] paths =
        [
            "/console/requests/not-a-guid?handler=confirm",
            "/console/requests/12345?handler=decline",
            "/console/requests/00000000-0000-0000-0000-000000000000?handler=confirm",
            "/console/requests/3f2504e0-4f89-11d3-9a0c-0305e82c3301?handler=cancel",
            $"/console/requests/{_held}?handler=explode",
            $"/console/requests/{_held}?handler=",
            "/console/hours?handler=explode",
            "/console?handler=list",
        ];
        using var all = Assert.EnterMultipleScope();
        foreach (var path in paths)
        {
            using var response = await _ada.PostAsync(path, token);

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), path);
            Assert.That(await SnapshotAsync(), Is.EqualTo(before), path);
        }
    }

    [Test]
    public async Task HoursPage_DatesOutOfReach_AreRefusedWithTheirWords_AndChangeNothing()
    {
        var token = await _ada.TokenAsync("/console/hours");
        var before = await SnapshotAsync();
        (string Handler, string Date, string Words)[] cases =
        [
            ("override", "0001-01-01", "Date must be from today"),
            ("override", "9999-12-31", "Date must be a date like 2027-12-24"),
            ("override", "2027-02-30", "Date must be a date like 2027-12-24"),
            ("override", "", "Date must be a date like 2027-12-24"),
            ("removeOverride", "0001-01-01", "That date has no other hours to remove."),
            ("removeOverride", "9999-12-31", "Date must be a date like 2027-12-24"),
        ];
        using var all = Assert.EnterMultipleScope();
        foreach (var (handler, date, words) in cases)
        {
            using var response = await _ada.PostAsync($"/console/hours?handler={handler}", token, ("date", date), ("from", "09:00"), ("to", "10:00"));

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), $"{handler} {date}");
            Assert.That(await ConsoleSession.TextAsync(response), Does.Contain("That was not saved").And.Contain(words), $"{handler} {date}");
            Assert.That(await SnapshotAsync(), Is.EqualTo(before), $"{handler} {date}");
        }
    }

    [Test]
    public async Task HoursPage_10000CharacterWindows_AreRefusedWithTheirWords_AndChangeNothing()
    {
        var token = await _ada.TokenAsync("/console/hours");
        var before = await SnapshotAsync();
        (string Handler, string Field, string Other)[] cases =
        [
            ("weekly", "Monday-from", "Monday-to"),
            ("weekly", "Monday-to", "Monday-from"),
            ("override", "from", "to"),
            ("override", "to", "from"),
        ];
        using var all = Assert.EnterMultipleScope();
        foreach (var (handler, field, other) in cases)
        {
            using var response = await _ada.PostAsync($"/console/hours?handler={handler}", token, ("date", "2027-03-12"), (field, Huge), (other, "10:00"));

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), field);
            Assert.That(await ConsoleSession.TextAsync(response), Does.Contain("That was not saved").And.Contain("not like 09:00-12:00"), field);
            Assert.That(await SnapshotAsync(), Is.EqualTo(before), field);
        }
    }

    [Test]
    public async Task AlertLink_DeclineWithA10000CharacterNote_IsRefusedWithItsWords()
    {
        string alert;
        await using (var db = Database.Open())
            alert = await db.Messages.Where(m => m.ConsultationRequestId == new ConsultationRequestId(_held)
                    && m.Kind == Intake.Domain.Messages.MessageKind.TherapistAlert && m.Channel == ContactChannel.Email)
                .Select(m => m.Body).SingleAsync();
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(alert, @"^Decline it: (\S+)$", System.Text.RegularExpressions.RegexOptions.Multiline).Groups[1].Value).PathAndQuery;
        using var mail = ConsoleSession.Anonymous(Api);
        var token = await mail.TokenAsync(link);
        var before = await SnapshotAsync();

        using var response = await mail.PostAsync(link, token, ("note", new string('x', 10_000)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await ConsoleSession.TextAsync(response), Does.Contain("Note must be at most 500 characters."));
        Assert.That(await SnapshotAsync(), Is.EqualTo(before));
    }

    private async Task<Guid> CreateAsync(object body)
    {
        using var response = await Client.PostAsJsonAsync("/api/consultations", body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Everything a post could change: the requests as stored, their holds, changes and messages, Ada's hours.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var db = Database.Open();
        var requests = await db.ConsultationRequests.AsNoTracking().OrderBy(r => r.SubmittedAt)
            .Select(r => new { r.Status, r.Version, r.SlotStart, r.TherapistId, r.DeclineNote }).ToListAsync();
        var therapist = await db.Therapists.AsNoTracking().Where(t => t.Id == "t1").Select(t => new { t.WeeklyHours, t.DateOverrides }).SingleAsync();
        return JsonSerializer.Serialize(new
        {
            requests = requests.Select(r => $"{r.Status} v{r.Version} {r.SlotStart} {r.TherapistId} {r.DeclineNote}"),
            holds = await db.SlotHolds.CountAsync(),
            changes = await db.ConsultationChanges.CountAsync(),
            messages = await db.Messages.CountAsync(),
            therapist,
        });
    }
}
