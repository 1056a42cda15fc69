using System.Text;
using Intake.Domain.Accounts;
using Intake.Domain.Practices;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Intake.Api.Pages.Console;

/// <summary>
/// /console/reset?account=…&amp;code=…: the emailed link's page, where the therapist chooses a new password. Identity's
/// token provider checks the code (it expires after Console:ResetMinutes and works once: a new password changes the
/// account's security stamp). A refusal says why, with Identity's own words for the password rules.
/// </summary>
public sealed class ResetModel(UserManager<TherapistAccount> users, IOptions<ConsoleWords> words, IOptions<PracticeOptions> practice, IOptions<WebOptions> web) : PageModel
{
    public ConsoleWords Words => words.Value;

    [BindProperty(SupportsGet = true)]
    public string? Account { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Again { get; set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public bool Done { get; private set; }

    public string Say(string text) => PracticeWords.Fill(text, practice.Value, web.Value);

    public void OnGet() => Response.Headers.CacheControl = "no-store";

    public async Task<IActionResult> OnPostAsync()
    {
        Response.Headers.CacheControl = "no-store";
        if (Password != Again || string.IsNullOrEmpty(Password))
            return Refused(Words.ResetDiffer);
        var account = string.IsNullOrEmpty(Account) || Account.Length > 100 ? null : await users.FindByIdAsync(Account);
        if (account is null || Token() is not { } token)
            return Refused(Words.ResetInvalid);
        var result = await users.ResetPasswordAsync(account, token, Password);
        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                ? Refused(Words.ResetInvalid)
                : Refused([.. result.Errors.Select(e => e.Description)]);
        }

        // A new password ends a lockout that the forgotten one caused.
        await users.SetLockoutEndDateAsync(account, null);
        await users.ResetAccessFailedCountAsync(account);
        Done = true;
        return Page();
    }

    private string? Token()
    {
        try
        {
            return Code is { Length: > 0 and < 2_000 } ? Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Code)) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private PageResult Refused(params string[] problems)
    {
        Problems = problems;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
