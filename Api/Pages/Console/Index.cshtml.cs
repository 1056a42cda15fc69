using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Intake.Api.Therapists;
using Intake.Domain.Consultations.Changes;
using Intake.Domain.Messages;
using Intake.Domain.Practices;
using Intake.Domain.Therapists.PracticeTherapists;
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
/// <para>
/// An administrator chooses whose inbox (<c>?therapist=&lt;id&gt;</c>, or <c>?therapist=*</c> for every therapist at once;
/// their own by default) and reads it exactly as that therapist does; anyone else asking for another inbox gets 404, as
/// <see cref="TherapistVisibility.MayReadInbox"/> has it.
/// </para>
/// </summary>
public sealed class IndexModel(
    IMediator mediator, IClock clock, IOptions<ConsoleOptions> console, IOptions<ConsoleWords> words,
    IOptions<PracticeOptions> practice, IOptions<WebOptions> web) : PageModel
{
    public ConsoleWords Words => words.Value;

    public int PollSeconds => console.Value.PollSeconds;

    [BindProperty(SupportsGet = true, Name = "past")]
    public int PastPage { get; set; } = 1;

    /// <summary>The value of ?therapist= that asks for every therapist's inbox at once (an administrator's).</summary>
    public const string EveryTherapist = "*";

    /// <summary>?therapist=: whose inbox; the signed-in therapist's own when absent.</summary>
    [BindProperty(SupportsGet = true, Name = "therapist")]
    public string? Therapist { get; set; }

    /// <summary>Whose inbox is shown: a therapist's id, or null for every therapist's.</summary>
    public string? InboxOf { get; private set; }

    public string Me => User.TherapistId();

    public bool IsOwn => InboxOf == Me;

    /// <summary>The practice's therapists, for an administrator's choice; empty for anyone else.</summary>
    public IReadOnlyList<TherapistName> Therapists { get; private set; } = [];

    public TherapistInboxGroups Inbox { get; private set; } = null!;

    public Instant Now { get; private set; }

    public int PastPages => Math.Max(1, (Inbox.PastTotal + Inbox.PastPageSize - 1) / Inbox.PastPageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        ViewData["Section"] = "requests";
        // The navigation's count is always the reader's own: another inbox leaves it out.
        ViewData["NeedsAction"] = IsOwn ? Inbox.NeedsAction.Count : null;
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
        var admin = User.IsAdmin();
        InboxOf = string.IsNullOrEmpty(Therapist) ? Me : Therapist == EveryTherapist ? null : Therapist;
        if (!TherapistVisibility.MayReadInbox(Me, admin, InboxOf))
            return false;
        if (admin)
        {
            Therapists = await mediator.Send(new ListTherapists(), ct);
            if (InboxOf is not null && Therapists.All(t => t.Id != InboxOf))
                return false;
        }

        Now = clock.GetCurrentInstant();
        Inbox = await mediator.Send(new GetTherapistInbox(InboxOf ?? Me, PastPage, EveryTherapist: InboxOf is null), ct);
        return true;
    }

    /// <summary>The therapist's name as the practice has it (their id if unknown).</summary>
    public string NameOf(string id) => Therapists.FirstOrDefault(t => t.Id == id)?.Name ?? id;

    public string Heading() => InboxOf is null ? Words.InboxHeadingEvery
        : IsOwn ? Words.InboxHeading
        : Words.InboxHeadingOf.Replace("{therapist}", NameOf(InboxOf), StringComparison.Ordinal);

    public string Title() => Say(InboxOf is null ? Words.InboxTitleEvery
        : !IsOwn ? Words.InboxTitleOf.Replace("{therapist}", NameOf(InboxOf), StringComparison.Ordinal)
        : Inbox.NeedsAction.Count > 0
        ? Words.InboxTitleCounted.Replace("{count}", Inbox.NeedsAction.Count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        : Words.InboxTitle);

    /// <summary>The inbox's own address with <paramref name="past"/> (and the chosen therapist, when not the reader's own).</summary>
    public string Link(int past, string? handler = null)
    {
        var query = new List<string>();
        if (handler is not null)
            query.Add($"handler={handler}");
        query.Add($"past={past.ToString(CultureInfo.InvariantCulture)}");
        if (!IsOwn)
            query.Add($"therapist={Uri.EscapeDataString(InboxOf ?? EveryTherapist)}");
        return "/console?" + string.Join('&', query);
    }

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
