using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Intake.Domain.Accounts;
using Intake.Domain.Practices;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Support;

/// <summary>Therapists and their sign-ins for API tests: accounts made with Identity's UserManager, bearer tokens from /api/auth/login.</summary>
internal static class TherapistAccounts
{
    /// <summary>Meets the practice's policy: 12 characters or more, upper and lower case, a digit and a symbol.</summary>
    public const string Password = "Calm-Harbor-2027!";

    /// <summary>A second therapist, in London, Monday to Friday 09:00-17:00; the root appsettings.json has only t1.</summary>
    public static TherapistOptions London(string id = "t2") => new()
    {
        Id = id,
        Name = "Ben Okafor",
        Email = $"{id}@calmharbor.example",
        TimeZone = "Europe/London",
        WeeklyHours = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" }
            .ToDictionary(day => day, _ => new List<string> { "09:00-17:00" }),
    };

    /// <summary>Stores a therapist straight into the database, as seeding from configuration would have.</summary>
    public static async Task AddTherapistAsync(TestDatabase database, TherapistOptions therapist)
    {
        await using var db = database.Open();
        db.Therapists.Add(Therapist.FromSettings(therapist));
        await db.SaveChangesAsync();
    }

    public static async Task CreateAccountAsync(ApiFactory api, string therapistId, string email, string password = Password)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TherapistAccount>>();
        var created = await users.CreateAsync(
            new TherapistAccount { UserName = email, Email = email, TherapistId = therapistId, EmailConfirmed = true }, password);
        Assert.That(created.Succeeded, Is.True, string.Join("; ", created.Errors.Select(e => e.Description)));
    }

    /// <summary>Makes the account the practice's administrator, as scripts/add-therapist.sh --admin does: the stored claim.</summary>
    public static async Task MakeAdminAsync(ApiFactory api, string email)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TherapistAccount>>();
        var added = await users.AddClaimAsync((await users.FindByEmailAsync(email))!, new System.Security.Claims.Claim(TherapistAccount.AdminClaim, "true"));
        Assert.That(added.Succeeded, Is.True);
    }

    /// <summary>POST /api/auth/login; the bearer token it returns.</summary>
    public static async Task<string> LoginAsync(HttpClient client, string email, string password = Password)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.That(response.IsSuccessStatusCode, Is.True, $"login answered {(int)response.StatusCode}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("accessToken").GetString()!;
    }

    /// <summary>An account for the therapist, signed in: a client that sends its bearer token.</summary>
    public static async Task<HttpClient> SignedInClientAsync(ApiFactory api, string therapistId, string email)
    {
        await CreateAccountAsync(api, therapistId, email);
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LoginAsync(client, email));
        return client;
    }
}
