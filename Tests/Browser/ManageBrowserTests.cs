using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Intake.Domain.Consultations;
using Intake.Domain.Messages;
using Intake.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Intake.Tests.Browser;

/// <summary>
/// The manage page in a real browser: requests made through the public API as a prospect and a therapist would make
/// them, the page opened from the link in the prospect's latest email. The practice is the root appsettings.json's
/// (t1, Ada, in New York); the visitor's browser is in New York too unless a test says otherwise.
/// </summary>
public abstract partial class ManageBrowserTests : BrowserTests
{
    // After the US moved to summer time on Sunday 14 March: Eastern Daylight Time, -04:00.
    protected const string MondayNine = "2027-03-15T09:00:00-04:00";
    protected const string MondayNineThirty = "2027-03-15T09:30:00-04:00";
    protected const string TuesdayNine = "2027-03-16T09:00:00-04:00";
    protected const string TuesdayTen = "2027-03-16T10:00:00-04:00";

    private HttpClient? _ada;

    /// <summary>A prospect books a time through the API (by email, reading times in <paramref name="timeZone"/>); the request and the token from its acknowledgement.</summary>
    protected async Task<(Guid Id, string Token)> HoldAsync(string slotStart, string timeZone = "America/New_York")
    {
        using var client = Api.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/consultations", Requests.WithSlot(Requests.ByEmail(timeZone), slotStart, "t1"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), slotStart);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return (id, await TokenInAsync(id, MessageKind.Acknowledgement));
    }

    /// <summary>Ada, signed in, acts on a request through the therapist API (confirm, decline, propose…); answered 200.</summary>
    protected async Task AdaAsync(Guid id, string action, object? body = null)
    {
        _ada ??= await TherapistAccounts.SignedInClientAsync(Api, "t1", "ada@calmharbor.example");
        var path = $"/api/therapist/consultations/{id}/{action}";
        using var response = body is null ? await _ada.PostAsync(path, content: null) : await _ada.PostAsJsonAsync(path, body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"Ada's {action}");
    }

    [TearDown]
    public void SignAdaOut()
    {
        _ada?.Dispose();
        _ada = null;
    }

    /// <summary>The token of the manage link in the latest email of this kind to the prospect.</summary>
    protected async Task<string> TokenInAsync(Guid id, MessageKind kind)
    {
        await using var db = Database.Open();
        var requestId = new ConsultationRequestId(id);
        var bodies = await db.Messages
            .Where(m => m.ConsultationRequestId == requestId && m.Kind == kind && m.Channel == ContactChannel.Email)
            .OrderBy(m => m.CreatedAt).Select(m => m.Body).ToListAsync();
        Assert.That(bodies, Is.Not.Empty, $"a {kind} email");
        var match = ManageLink().Match(bodies[^1]);
        Assert.That(match.Success, Is.True, $"the {kind} email carries a manage link");
        return match.Groups[1].Value;
    }

    protected async Task<ConsultationRequest> StoredAsync(Guid id)
    {
        await using var db = Database.Open();
        var requestId = new ConsultationRequestId(id);
        return await db.ConsultationRequests.AsNoTracking().Include(r => r.Holds).SingleAsync(r => r.Id == requestId);
    }

    protected static NodaTime.Instant Parse(string offsetDateTime) =>
        NodaTime.Text.OffsetDateTimePattern.ExtendedIso.Parse(offsetDateTime).Value.ToInstant();

    /// <summary>The page's heading for where the request stands.</summary>
    protected ILocator StatusHeading(string name) => Page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 2 });

    /// <summary>The page's live region, holding this text.</summary>
    protected ILocator Announced(string text) => Page.GetByRole(AriaRole.Status).Filter(new() { HasText = text });

    protected int RequestsTo(string pathEnd)
    {
        lock (Requested)
            return Requested.Count(url => new Uri(url).AbsolutePath.EndsWith(pathEnd, StringComparison.Ordinal));
    }

    [GeneratedRegex("/manage/([A-Za-z0-9_-]+)")]
    private static partial Regex ManageLink();
}
