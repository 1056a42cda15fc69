using System.Text.Json;
using System.Text.Json.Nodes;
using Intake.Domain.Practices;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace Intake.Api.Pages.Booking;

/// <summary>
/// The booking page (GET /book): the practice's words and settings rendered on the server; the open times, the
/// visitor's zone and the request itself are the script's, through the public JSON API (/api/slots,
/// /api/consultations). It sets no cookie and posts nothing of its own.
/// </summary>
public sealed class BookModel(IOptions<PracticeOptions> practice, IOptions<WebOptions> web, IOptions<BookingWords> words, IClock clock) : PageModel
{
    public PracticeOptions Practice => practice.Value;

    public WebOptions Web => web.Value;

    public BookingWords Words => words.Value;

    /// <summary>The server's now: the script counts the booking horizon from it, not from the visitor's clock.</summary>
    public string Now { get; private set; } = string.Empty;

    public void OnGet()
    {
        Now = InstantPattern.General.Format(clock.GetCurrentInstant());
        Response.Headers.CacheControl = "no-cache";
    }

    /// <summary>A word with the practice's own details filled in.</summary>
    public string Say(string words) => PracticeWords.Fill(words, Practice, Web);

    /// <summary>
    /// The words as the script reads them (the data block #booking-words): the practice's details already filled in,
    /// the script's own placeholders left for it. Encoded so that no word can close the block.
    /// </summary>
    public string ScriptWords()
    {
        var node = JsonSerializer.SerializeToNode(Words, PageServices.PageJson)!.AsObject();
        foreach (var (name, value) in node.ToList())
        {
            if (value is JsonValue word && word.TryGetValue<string>(out var text))
                node[name] = Say(text);
        }

        return node.ToJsonString(PageServices.PageJson);
    }

    /// <summary>The therapists a visitor may choose between, as the script reads them (#booking-therapists).</summary>
    public string ScriptTherapists() =>
        JsonSerializer.Serialize(Practice.Therapists.Select(t => new { t.Id, t.Name }), PageServices.PageJson);
}
