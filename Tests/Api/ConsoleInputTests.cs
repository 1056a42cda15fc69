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

    /// <summary>Which request, which handler, which fields; the status and the words the page must answer with.</summary>
    public static IEnumerable<TestCaseData> TamperedRequestPosts()
    {
        TestCaseData Case(string name, bool callback, string handler, (string, string)[] fields, int status, string words) =>
            new TestCaseData(callback, handler, fields, status, words).SetName($"RequestPage_{name}_IsRefusedWithItsWords");

        yield return Case("ConfirmAtATimeNeverOffered", true, "confirm", [("slotStart", "2027-03-11T03:00:00-05:00")], 409, "That time is not open any more.");
        yield return Case("ConfirmInYear1", true, "confirm", [("slotStart", "0001-01-01T09:00:00Z")], 409, "That time is not open any more.");
        yield return Case("ConfirmInYear9999", true, "confirm", [("slotStart", "9999-12-31T09:00:00Z")], 400, NotAnInstant);
        yield return Case("ConfirmAtAMalformedTime", true, "confirm", [("slotStart", "next tuesday")], 400, NotAnInstant);
        yield return Case("ConfirmAtAHugeTime", true, "confirm", [("slotStart", Huge)], 400, NotAnInstant);
        yield return Case("ConfirmACallbackWithoutATime", true, "confirm", [], 409, "A callback request is confirmed with a time.");
        yield return Case("DeclineWithA10000CharacterNote", false, "decline", [("note", new string('x', 10_000))], 400, "Note must be at most 500 characters.");
        yield return Case("ProposeNothing", true, "propose", [], 400, "Propose one to five times.");
        yield return Case("ProposeSixTimes", true, "propose",
            [.. Enumerable.Range(0, 6).Select(i => ("slotStarts", $"2027-03-12T{9 + i:00}:00:00-05:00"))], 400, "Propose one to five times.");
        yield return Case("ProposeAMalformedTime", true, "propose", [("slotStarts", "2027-13-45T99:00")], 400, "Each time must be ISO 8601 with its offset");
        yield return Case("ProposeInYear1", true, "propose", [("slotStarts", "0001-01-02T00:00:00Z")], 409, "That time is not open any more.");
        yield return Case("RescheduleWithoutATime", false, "reschedule", [], 400, NotAnInstant);
        yield return Case("RescheduleAPendingRequest", false, "reschedule", [("slotStart", "2027-03-12T09:00:00-05:00")], 409, "cannot be rescheduled");
        yield return Case("CompleteBeforeItIsConfirmed", false, "complete", [], 409, "cannot be completed");
        yield return Case("NoShowBeforeItIsConfirmed", false, "noshow", [], 409, "cannot be marked a no-show");
    }

    [TestCaseSource(nameof(TamperedRequestPosts))]
    public async Task RequestPage_TamperedPost(bool callback, string handler, (string, string)[] fields, int status, string words)
    {
        var page = $"/console/requests/{(callback ? _callback : _held)}";
        var token = await _ada.TokenAsync(page);
        var before = await SnapshotAsync();

        using var response = await _ada.PostAsync($"{page}?handler={handler}", token, fields);

        Assert.That((int)response.StatusCode, Is.EqualTo(status));
        var html = await ConsoleSession.TextAsync(response);
        Assert.That(html, Does.Contain("That was not done").And.Contain(words));
        Assert.That(await SnapshotAsync(), Is.EqualTo(before), "nothing stored, nothing queued");
    }

    [TestCase("/console/requests/not-a-guid?handler=confirm")]
    [TestCase("/console/requests/12345?handler=decline")]
    [TestCase("/console/requests/00000000-0000-0000-0000-000000000000?handler=confirm")]
    [TestCase("/console/requests/3f2504e0-4f89-11d3-9a0c-0305e82c3301?handler=cancel")]
    [TestCase("/console/requests/{held}?handler=explode")]
    [TestCase("/console/requests/{held}?handler=")]
    [TestCase("/console/hours?handler=explode")]
    [TestCase("/console?handler=list")]
    public async Task ConsolePost_ToARequestOfAnotherShapeOrAnUnknownAction_IsNotFound(string path)
    {
        var token = await _ada.TokenAsync($"/console/requests/{_held}");
        var before = await SnapshotAsync();

        using var response = await _ada.PostAsync(path.Replace("{held}", _held.ToString(), StringComparison.Ordinal), token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await SnapshotAsync(), Is.EqualTo(before));
    }

    [TestCase("override", "0001-01-01", "Date must be from today")]
    [TestCase("override", "9999-12-31", "Date must be a date like 2027-12-24")]
    [TestCase("override", "2027-02-30", "Date must be a date like 2027-12-24")]
    [TestCase("override", "", "Date must be a date like 2027-12-24")]
    [TestCase("removeOverride", "0001-01-01", "That date has no other hours to remove.")]
    [TestCase("removeOverride", "9999-12-31", "Date must be a date like 2027-12-24")]
    public async Task HoursPage_ADateOutOfReach_IsRefusedWithItsWords(string handler, string date, string words)
    {
        var token = await _ada.TokenAsync("/console/hours");
        var before = await SnapshotAsync();

        using var response = await _ada.PostAsync($"/console/hours?handler={handler}", token, ("date", date), ("from", "09:00"), ("to", "10:00"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await ConsoleSession.TextAsync(response), Does.Contain(words));
        Assert.That(await SnapshotAsync(), Is.EqualTo(before));
    }

    [TestCase("weekly", "Monday-from")]
    [TestCase("weekly", "Monday-to")]
    [TestCase("override", "from")]
    [TestCase("override", "to")]
    public async Task HoursPage_A10000CharacterWindow_IsRefusedWithItsWords(string handler, string field)
    {
        var token = await _ada.TokenAsync("/console/hours");
        var before = await SnapshotAsync();
        var other = field.EndsWith("from", StringComparison.Ordinal) ? field[..^4] + "to" : field[..^2] + "from";

        using var response = await _ada.PostAsync($"/console/hours?handler={handler}", token,
            ("date", "2027-03-12"), (field, Huge), (other, "10:00"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var html = await ConsoleSession.TextAsync(response);
        Assert.That(html, Does.Contain("That was not saved"));
        Assert.That(await SnapshotAsync(), Is.EqualTo(before));
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
