using System.Net;
using Intake.Tests.Support;

namespace Intake.Tests.Api;

/// <summary>
/// Outside Development the console's cookies are Secure: over plain HTTP its pages say they need HTTPS (403, never
/// the anti-forgery's 500), and a JSON change that carries the console's cookie is refused; the prospect's pages and
/// the public API are unaffected. Console:AllowHttp lets a demonstration on this machine sign in over HTTP.
/// </summary>
public sealed class ConsoleHttpsTests
{
    private static readonly Dictionary<string, string> Production = new() { ["environment"] = "Production" };

    [TestCase("/console/login")]
    [TestCase("/console")]
    [TestCase("/console/forgot")]
    [TestCase("/console/act/not-a-token")]
    public async Task OverPlainHttp_InProduction_TheConsoleSaysItNeedsHttps(string path)
    {
        using var database = new TestDatabase();
        await using var api = new ApiFactory(database, settings: Production);
        using var client = api.CreateClientNotFollowingRedirects();

        using var page = await client.GetAsync(path);

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("<h1>The console works over HTTPS only</h1>"));
        Assert.That(page.Headers.Contains("Set-Cookie"), Is.False, "no cookie is issued over plain HTTP");
    }

    [Test]
    public async Task OverPlainHttp_InProduction_AChangeCarryingTheConsolesCookie_IsRefused_NotA500()
    {
        using var database = new TestDatabase();
        await using var api = new ApiFactory(database, settings: Production);
        using var client = api.CreateClientNotFollowingRedirects();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/therapist/consultations/{Guid.NewGuid()}/cancel");
        request.Headers.Add("Cookie", "intake.console=forged");

        using var response = await client.SendAsync(request);

        Assert.That((int)response.StatusCode, Is.InRange(400, 499));
    }

    [Test]
    public async Task OverPlainHttp_InProduction_TheBookingPageAndTheApiStillAnswer()
    {
        using var database = new TestDatabase();
        await using var api = new ApiFactory(database, settings: Production);
        using var client = api.CreateClientNotFollowingRedirects();

        using var book = await client.GetAsync("/book");
        using var ready = await client.GetAsync("/health/ready");

        Assert.That((book.StatusCode, ready.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
    }

    [Test]
    public async Task WithAllowHttp_TheSignInPageIsServed_AndItsCookieIsNotMarkedSecure()
    {
        using var database = new TestDatabase();
        await using var api = new ApiFactory(database, settings: new Dictionary<string, string>(Production) { ["Console:AllowHttp"] = "true" });
        using var client = api.CreateClientNotFollowingRedirects();

        using var page = await client.GetAsync("/console/login");

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var cookies = page.Headers.GetValues("Set-Cookie").ToList();
        Assert.That(cookies, Has.Some.StartsWith("intake.forgery="));
        Assert.That(cookies, Has.None.Contains("secure"));
    }
}
