using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Intake.Api.Therapists;
using Intake.Domain.Messages;
using Intake.Domain.Practices;
using Intake.Domain.Therapists.TherapistConsultations;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Intake.Api.Pages.Console;

/// <summary>
/// /console: the signed-in therapist's inbox, grouped (needs action, waiting for the prospect, upcoming, past — one
/// page of the past at a time), through the same MediatR request a JSON client would send. The open page asks
/// /console?handler=list every Console:PollSeconds for the same lists, rendered by the same partial, puts them in
/// place and says so when a request came, went or changed group (docs/decisions/013).
/// </summary>
public sealed class IndexModel(
    IMediator mediator, IClock clock, IOptions<ConsoleOptions> console, IOptions<ConsoleWords> words,
    IOptions<PracticeOptions> practice, IOptions<WebOptions> web) : PageModel
{
    public ConsoleWords Words => words.Value;

    public int PollSeconds => console.Value.PollSeconds;

    [BindProperty(SupportsGet = true, Name = "past")]
    public int PastPage { get; set; } = 1;

    public TherapistInboxGroups Inbox { get; private set; } = null!;

    public Instant Now { get; private set; }

    public int PastPages => Math.Max(1, (Inbox.PastTotal + Inbox.PastPageSize - 1) / Inbox.PastPageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        ViewData["Section"] = "requests";
        ViewData["NeedsAction"] = Inbox.NeedsAction.Count;
        ViewData["Title"] = Title();
        return Page();
    }

    /// <summary>The lists alone, for the open page to put in place.</summary>
    public async Task<IActionResult> OnGetListAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        var list = new PartialViewResult { ViewName = "_InboxLists", ViewData = ViewData };
        list.ViewData.Model = this;
        return list;
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (PastPage is < 1 or > 10_000)
            return false;
        Now = clock.GetCurrentInstant();
        Inbox = await mediator.Send(new GetTherapistInbox(User.TherapistId(), PastPage), ct);
        return true;
    }

    public string Title() => Say(Inbox.NeedsAction.Count > 0
        ? Words.InboxTitleCounted.Replace("{count}", Inbox.NeedsAction.Count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        : Words.InboxTitle);

    public string Say(string text) => PracticeWords.Fill(text, practice.Value, web.Value);

    /// <summary>A moment in full in the therapist's zone.</summary>
    public string Time(Instant instant) => MessageTime.Full(instant, Inbox.TimeZone);

    /// <summary>How long until <paramref name="until"/>: "2 days 3 h", "1 h 20 min", "5 min"; "0 min" once past.</summary>
    public string Left(Instant until)
    {
        var left = until - Now;
        if (left <= Duration.Zero)
            return "0 min";
        if (left.Days > 0)
            return $"{left.Days} {(left.Days == 1 ? "day" : "days")} {left.Hours} h";
        return left.Hours > 0 ? $"{left.Hours} h {left.Minutes} min" : $"{Math.Max(1, left.Minutes)} min";
    }

    /// <summary>What the lists hold, as the open page compares it: which requests, in which group.</summary>
    public string Fingerprint()
    {
        var text = string.Join('|', new[] { Inbox.NeedsAction, Inbox.AwaitingProspect, Inbox.Upcoming, Inbox.Past }
            .Select(group => string.Join(',', group.Select(item => $"{item.Id.Value:N}:{item.Status}"))));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
