using Intake.Api.Manage;
using Intake.Domain.Consultations.ManageLinks;
using Intake.Domain.Consultations.ViewManagedConsultation;
using Intake.Domain.Practices;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace Intake.Api.Pages.Manage;

/// <summary>
/// The page behind every manage link (GET /manage/{token}). The token is read here with the same
/// <see cref="ManageLinks"/> and the request shown through the same MediatR request as GET /api/manage/{token};
/// changes go through the JSON endpoints under /api/manage/{token}. A forged, garbled or expired token, or one
/// whose request is gone, shows the one "no longer valid" page (404), the same for each.
/// </summary>
public sealed class ManageModel(ManageLinks links, IClock clock, IMediator mediator, IOptions<PracticeOptions> practice, IOptions<WebOptions> web, IOptions<ManageWords> words) : PageModel
{
    public PracticeOptions Practice => practice.Value;

    public ManageWords Words => words.Value;

    /// <summary>The request as the JSON endpoint shows it; null for a link that is not valid.</summary>
    public ManagedConsultationResponse? Consultation { get; private set; }

    /// <summary>Where the script reads and changes the request: /api/manage/{token}.</summary>
    public string ApiPath { get; private set; } = string.Empty;

    /// <summary>The server's now: the picker counts the booking horizon from it, not from the visitor's clock.</summary>
    public string Now { get; private set; } = string.Empty;

    public async Task OnGetAsync(string token, CancellationToken ct)
    {
        // The token is a key: no copy of this page is kept by the browser or anything between.
        Response.Headers.CacheControl = "no-store";
        var now = clock.GetCurrentInstant();
        if (links.Read(token, now) is { } id && await mediator.Send(new ViewManagedConsultation(id), ct) is { } view)
        {
            Consultation = ManagedConsultationResponse.From(view);
            ApiPath = "/api/manage/" + Uri.EscapeDataString(token);
            Now = InstantPattern.General.Format(now);
        }
        else
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    /// <summary>A word with the practice's own details filled in.</summary>
    public string Say(string words) => PracticeWords.Fill(words, Practice, web.Value);
}
