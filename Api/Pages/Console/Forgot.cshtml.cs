using Intake.Api.Accounts;
using Intake.Domain.Accounts;
using Intake.Domain.Practices;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Intake.Api.Pages.Console;

/// <summary>
/// /console/forgot: a therapist asks for a password-reset link by email. The answer is the same whether or not an
/// account has that email, so the page tells no one who has an account.
/// </summary>
public sealed class ForgotModel(UserManager<TherapistAccount> users, AccountMail mail, IOptions<ConsoleWords> words, IOptions<PracticeOptions> practice, IOptions<WebOptions> web) : PageModel
{
    public ConsoleWords Words => words.Value;

    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public string Say(string text) => PracticeWords.Fill(text, practice.Value, web.Value);

    public void OnGet() => Response.Headers.CacheControl = "no-store";

    public async Task<IActionResult> OnPostAsync()
    {
        Response.Headers.CacheControl = "no-store";
        if (!string.IsNullOrWhiteSpace(Email) && Email.Length <= 256 && await users.FindByEmailAsync(Email.Trim()) is { } account)
            await mail.SendResetAsync(account, users);
        Sent = true;
        return Page();
    }
}
