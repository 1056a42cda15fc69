using Intake.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Intake.Api.Pages.Console;

/// <summary>POST /console/logout (from the navigation's form, with its anti-forgery token): the cookie is gone.</summary>
public sealed class LogoutModel(SignInManager<TherapistAccount> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/console");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/console/login?signedOut=true");
    }
}
