using Intake.Domain.Accounts;
using Intake.Domain.Practices;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Intake.Api.Pages.Console;

/// <summary>
/// /console/login: email and password through Identity's sign-in manager, with its lockout; a success sets the
/// console's cookie and goes back to the page that asked (only ever a page of Intake's own).
/// </summary>
public sealed class LoginModel(
    SignInManager<TherapistAccount> signIn, UserManager<TherapistAccount> users,
    IOptions<ConsoleOptions> console, IOptions<ConsoleWords> words, IOptions<PracticeOptions> practice, IOptions<WebOptions> web) : PageModel
{
    public ConsoleWords Words => words.Value;

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool SignedOut { get; set; }

    /// <summary>What went wrong with the last try, in words; null before any.</summary>
    public string? Problem { get; private set; }

    public void OnGet() => Response.Headers.CacheControl = "no-store";

    public async Task<IActionResult> OnPostAsync()
    {
        Response.Headers.CacheControl = "no-store";
        var account = string.IsNullOrWhiteSpace(Email) ? null : await users.FindByEmailAsync(Email.Trim());
        if (account is null || string.IsNullOrEmpty(Password))
        {
            Problem = Words.SignInFailed;
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(account, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl.StartsWith("/console", StringComparison.OrdinalIgnoreCase) ? ReturnUrl : "/console");
        Problem = result.IsLockedOut
            ? Words.LockedOut.Replace("{minutes}", console.Value.LockoutMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            : Words.SignInFailed;
        return Page();
    }

    public string Say(string text) => PracticeWords.Fill(text, practice.Value, web.Value)
        .Replace("{minutes}", console.Value.IdleMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
