using System.Net;
using System.Net.Http.Json;
using Intake.Domain.Accounts;
using Intake.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Intake.Tests.Api;

/// <summary>`Intake.Api.dll add-therapist`, run as the separate process scripts/add-therapist.sh starts.</summary>
[Category("EndToEnd")]
public class TherapistAccountCommandTests
{
    private const string Email = "ada@calmharbor.example";

    private TestDatabase _database = null!;

    [SetUp]
    public void SetUp() => _database = new TestDatabase();

    [TearDown]
    public void TearDown() => _database.Dispose();

    private Task<(int ExitCode, string Output)> AddAsync(string therapistId, string email, string? password = TherapistAccounts.Password, params string[] flags)
    {
        var environment = new Dictionary<string, string?>
        {
            ["Storage__Provider"] = TestDatabase.Provider.ToString(),
            ["Storage__ConnectionString"] = _database.ConnectionString,
            ["INTAKE_PASSWORD"] = password ?? string.Empty,
        };
        return ApiCommand.RunAsync(_database.Folder, environment, ["add-therapist", "--therapist", therapistId, "--email", email, .. flags]);
    }

    private async Task<int> AccountsAsync()
    {
        await using var db = _database.Open();
        return await db.Users.CountAsync();
    }

    [Test]
    public async Task AddTherapist_ForAConfiguredTherapist_ExitsZeroAndTheAccountSignsIn()
    {
        var (code, output) = await AddAsync("t1", Email);

        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Not.Contain(TherapistAccounts.Password));
        await using var api = new ApiFactory(_database);
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization =
            new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await TherapistAccounts.LoginAsync(client, Email));
        using var inbox = await client.GetAsync("/api/therapist/consultations");
        Assert.That(inbox.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await inbox.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("timeZone").GetString(),
            Is.EqualTo("America/New_York"), "signed in as t1");
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task AddTherapist_WithOrWithoutAdmin_GivesTheDashboardClaimOnlyWhenAsked(bool admin)
    {
        var (code, output) = await AddAsync("t1", Email, TherapistAccounts.Password, admin ? ["--admin"] : []);

        await using var db = _database.Open();
        var claims = await db.UserClaims.Select(c => new { c.ClaimType, c.ClaimValue }).ToListAsync();
        Assert.That(code, Is.Zero, output);
        Assert.That(claims.Any(c => c.ClaimType == TherapistAccount.AdminClaim && c.ClaimValue == "true"), Is.EqualTo(admin));
    }

    [Test]
    public async Task AddTherapist_ForAnUnknownTherapist_ExitsOneAndCreatesNothing()
    {
        var (code, output) = await AddAsync("t9", Email);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("t9"));
        Assert.That(await AccountsAsync(), Is.Zero);
    }

    [Test]
    public async Task AddTherapist_WithAnEmailAlreadyTaken_ExitsOne()
    {
        Assert.That((await AddAsync("t1", Email)).ExitCode, Is.Zero);

        var (code, output) = await AddAsync("t1", Email);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("already exists"));
        Assert.That(await AccountsAsync(), Is.EqualTo(1));
    }

    [TestCase("short-Pa55!", TestName = "AddTherapist_WithAPasswordUnder12Characters_ExitsOneWithoutEchoingIt")]
    [TestCase("", TestName = "AddTherapist_WithoutAPassword_ExitsOne")]
    public async Task AddTherapist_WithAPasswordThePolicyRefuses_ExitsOne(string password)
    {
        var (code, output) = await AddAsync("t1", Email, password);

        Assert.That(code, Is.EqualTo(1));
        if (password.Length > 0)
        {
            Assert.That(output, Does.Contain("12"));
            Assert.That(output, Does.Not.Contain(password));
        }

        Assert.That(await AccountsAsync(), Is.Zero);
    }
}
