using FluentValidation;
using Intake.Domain.Consultations.AlertLinks;
using Intake.Domain.Consultations.Changes;
using Intake.Domain.Messages;
using Intake.Domain.Practices;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Intake.Api.Pages.Console;

/// <summary>
/// /console/act/{token}: the page a "Confirm" or "Decline" link in a therapist's alert opens, without a sign-in.
/// GET only shows what the link would do (so a mail scanner that follows links changes nothing); the page's form
/// POST acts, once. Nothing about the prospect is on it: the time asked for, and a link to the request in the console.
/// </summary>
public sealed class ActModel(IMediator mediator, IOptions<ActWords> words, IOptions<PracticeOptions> practice, IOptions<WebOptions> web) : PageModel
{
    public ActWords Words => words.Value;

    public AlertLinkView? Link { get; private set; }

    /// <summary>What the POST came to: null before it, else the words to show.</summary>
    public string? Outcome { get; private set; }

    public bool Succeeded { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (!await LoadAsync(token, ct))
            Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, string? note, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        ChangeOutcome outcome;
        var status = StatusCodes.Status409Conflict;
        try
        {
            outcome = await mediator.Send(new ActOnAlertLink(token, note), ct);
        }
        catch (ValidationException invalid)
        {
            // Bad input (a note too long) is a 400, as on the request page; a refusal of the change is a 409.
            outcome = new ChangeOutcome.Refused("Invalid", string.Join(" ", invalid.Errors.Select(e => e.ErrorMessage)));
            status = StatusCodes.Status400BadRequest;
        }

        if (outcome is ChangeOutcome.NotFound || !await LoadAsync(token, ct))
        {
            Link = null;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        (Succeeded, Outcome) = outcome switch
        {
            ChangeOutcome.Changed => (true, Link!.Action == AlertAction.Confirm ? Words.Confirmed : Words.Declined),
            ChangeOutcome.ChangedMeanwhile => (false, Words.Used),
            ChangeOutcome.Refused refused => (false, refused.Reason),
            _ => (false, Words.Used),
        };
        if (!Succeeded)
            Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(string token, CancellationToken ct)
    {
        Link = await mediator.Send(new ReadAlertLink(token), ct);
        ViewData["Title"] = PracticeWords.Fill(Words.Title, practice.Value, web.Value);
        return Link is not null;
    }

    public string Time() => Link?.SlotStart is { } start ? MessageTime.Full(start, Link.TimeZone) : Words.NoTime;
}
