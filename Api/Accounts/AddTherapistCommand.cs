using System.Security.Claims;
using Intake.Domain.Accounts;
using Intake.Domain.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Intake.Api.Accounts;

/// <summary>
/// <c>Intake.Api.dll add-therapist --therapist &lt;id&gt; --email &lt;email&gt;</c>, with the password in the
/// environment variable INTAKE_PASSWORD (never on the command line, which <c>ps</c> shows): creates a therapist's
/// sign-in on the configured, migrated database and exits without starting the web server. scripts/add-therapist.sh
/// builds, asks for the password and runs it.
/// </summary>
public static class AddTherapistCommand
{
    public const string Name = "add-therapist";
    public const string PasswordVariable = "INTAKE_PASSWORD";

    private const string Usage = $"Usage: {PasswordVariable}=... Intake.Api {Name} --therapist <therapistId> --email <email> [--admin]";
    private const string AdminFlag = "--admin";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Name;

    /// <summary>0 when the account was created; 1, with the reason on <paramref name="error"/>, when it was not.</summary>
    public static async Task<int> RunAsync(
        IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var admin = args.Contains(AdminFlag);
        if (!TryRead([.. args.Where(a => a != AdminFlag)], out var therapistId, out var email, out var problem))
        {
            await error.WriteLineAsync($"{problem}\n{Usage}");
            return 1;
        }

        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            await error.WriteLineAsync($"Set the password in the environment variable {PasswordVariable} (scripts/add-therapist.sh asks for it).");
            return 1;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        if (!await db.Therapists.AnyAsync(t => t.Id == therapistId, cancellationToken))
        {
            await error.WriteLineAsync(
                $"No therapist has the id \"{therapistId}\". Therapists are configured under Practice:Therapists in appsettings.json.");
            return 1;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<TherapistAccount>>();
        if (await users.FindByEmailAsync(email) is not null || await users.FindByNameAsync(email) is not null)
        {
            await error.WriteLineAsync($"An account with the email {email} already exists.");
            return 1;
        }

        var account = new TherapistAccount { UserName = email, Email = email, TherapistId = therapistId, EmailConfirmed = true };
        var created = await users.CreateAsync(account, password);
        if (!created.Succeeded)
        {
            // Identity's descriptions name the rule broken (length, digits...), never the password itself.
            await error.WriteLineAsync("The account was not created:");
            foreach (var refusal in created.Errors)
                await error.WriteLineAsync($"  {refusal.Description}");
            return 1;
        }

        if (admin)
            await users.AddClaimAsync(account, new Claim(TherapistAccount.AdminClaim, "true"));

        await output.WriteLineAsync($"Created the sign-in {email} for therapist {therapistId}{(admin ? ", an administrator" : string.Empty)}. Sign in with POST /api/auth/login.");
        return 0;
    }

    private static bool TryRead(IReadOnlyList<string> args, out string therapistId, out string email, out string problem)
    {
        therapistId = email = problem = string.Empty;
        for (var i = 1; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count || string.IsNullOrWhiteSpace(args[i + 1]))
            {
                problem = $"{args[i]} needs a value.";
                return false;
            }

            switch (args[i])
            {
                case "--therapist":
                    therapistId = args[i + 1].Trim();
                    break;
                case "--email":
                    email = args[i + 1].Trim();
                    break;
                default:
                    problem = $"Unknown option {args[i]}.";
                    return false;
            }
        }

        problem = therapistId.Length == 0 ? "--therapist is required." : email.Length == 0 ? "--email is required." : string.Empty;
        return problem.Length == 0;
    }
}
