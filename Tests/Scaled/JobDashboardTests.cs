using System.Net;
using System.Net.Http.Headers;
using Hangfire;
using Intake.Domain.Accounts;
using Intake.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Scaled;

/// <summary>The Hangfire dashboard the Api serves where the job storage is shared.</summary>
public class JobDashboardTests : SharedDatabaseTests
{
    private ApiFactory _api = null!;

    [SetUp]
    public void StartApi()
    {
        _api = new ApiFactory(Database);
        // A recurring job to look at, as a Worker would have registered.
        new RecurringJobManager(_api.Services.GetRequiredService<JobStorage>())
            .AddOrUpdate("dashboard-probe", () => Console.WriteLine(), Cron.Never());
    }

    [TearDown]
    public async Task StopApi() => await _api.DisposeAsync();

    private async Task<HttpClient> SignedInAsync(bool admin)
    {
        var email = admin ? "owner@calmharbor.example" : "ada@calmharbor.example";
        await TherapistAccounts.CreateAccountAsync(_api, "t1", email);
        if (admin)
        {
            await using var scope = _api.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<TherapistAccount>>();
            await users.AddClaimAsync((await users.FindByEmailAsync(email))!, new System.Security.Claims.Claim(TherapistAccount.AdminClaim, "true"));
        }

        var client = _api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TherapistAccounts.LoginAsync(client, email));
        return client;
    }

    [Test]
    public async Task Dashboard_WithoutSignIn_Returns401()
    {
        using var client = _api.CreateClient();

        using var page = await client.GetAsync("/hangfire");

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Dashboard_OverPlainHttpInProduction_SaysItNeedsHttps()
    {
        await using var production = new ApiFactory(Database, settings: new Dictionary<string, string> { ["environment"] = "Production" });
        using var client = production.CreateClient();

        using var page = await client.GetAsync("/hangfire");

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("The console works over HTTPS only"));
    }

    [Test]
    public async Task Dashboard_ForATherapist_ShowsTheJobsButOffersNoActions()
    {
        using var client = await SignedInAsync(admin: false);

        using var page = await client.GetAsync("/hangfire/recurring");
        var html = await page.Content.ReadAsStringAsync();
        using var trigger = await client.PostAsync("/hangfire/recurring/trigger", new FormUrlEncodedContent([new("jobs[]", "dashboard-probe")]));

        Assert.Multiple(() =>
        {
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Contain("dashboard-probe"));
            Assert.That(html, Does.Not.Contain("js-jobs-list-command"), "no trigger or delete buttons");
            Assert.That(trigger.IsSuccessStatusCode, Is.False, "a read-only dashboard refuses commands");
        });
    }

    [Test]
    public async Task Dashboard_ForAnAdministrator_OffersTheActions()
    {
        using var client = await SignedInAsync(admin: true);

        var html = await client.GetStringAsync("/hangfire/recurring");

        Assert.That(html, Does.Contain("js-jobs-list-command"));
    }

    [Test]
    public async Task Ready_ChecksTheDatabaseAndTheJobStorage()
    {
        using var client = _api.CreateClient();

        using var ready = await client.GetAsync("/health/ready");
        Database.Remove();
        using var gone = await client.GetAsync("/health/ready");

        Assert.That((ready.StatusCode, gone.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable)));
    }
}
