using Intake.Api.Pages.Console;
using Intake.Domain.Accounts;
using Intake.Domain.Consultations.AlertLinks;
using Intake.Domain.Data;
using Intake.Domain.Messages;
using Intake.Domain.Practices;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Intake.Api.Accounts;

/// <summary>
/// Identity's mail to a therapist, queued as an outbound email like every other message (the Worker sends it): the
/// password-reset link, for the console's "forgot password" page and Identity's own /api/auth/forgotPassword alike.
/// The link names the account by its id (never its email) and carries Identity's reset code, which works once and
/// for Console:ResetMinutes. Email confirmation is not used: accounts are made by an operator.
/// </summary>
/// <remarks>A singleton, as Identity's endpoints take it when they are mapped; each mail is queued in a scope of its own.</remarks>
public sealed class AccountMail(
    IServiceScopeFactory scopes, IClock clock, IOptions<PracticeOptions> practice, IOptions<ConsoleOptions> console, AlertLinks links)
    : IEmailSender<TherapistAccount>
{
    /// <summary>The reset page's address for a code, under Links:ConsoleUrl.</summary>
    public static string ResetUrl(string consoleUrl, TherapistAccount account, string code) =>
        $"{consoleUrl.TrimEnd('/')}/reset?account={Uri.EscapeDataString(account.Id)}&code={Uri.EscapeDataString(code)}";

    public Task SendConfirmationLinkAsync(TherapistAccount user, string email, string confirmationLink) => Task.CompletedTask;

    public Task SendPasswordResetLinkAsync(TherapistAccount user, string email, string resetLink) => QueueAsync(email, resetLink);

    /// <summary>Identity's JSON endpoint hands over a code (base64url already): the email carries the console's page for it.</summary>
    public Task SendPasswordResetCodeAsync(TherapistAccount user, string email, string resetCode) =>
        QueueAsync(email, ResetUrl(links.ConsoleUrl, user, resetCode));

    /// <summary>A fresh reset code for the account, as the console's page sends it.</summary>
    public async Task SendResetAsync(TherapistAccount account, UserManager<TherapistAccount> users)
    {
        var code = WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(account)));
        await SendPasswordResetCodeAsync(account, account.Email!, code);
    }

    private async Task QueueAsync(string email, string link)
    {
        var (subject, body) = MessageTexts.PasswordResetEmail(practice.Value, link, console.Value.ResetMinutes);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        db.Messages.Add(OutboundMessage.Email(null, MessageKind.PasswordReset, email, subject, body, clock.GetCurrentInstant()));
        await db.SaveChangesAsync();
    }
}
