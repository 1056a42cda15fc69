using System.Net;
using System.Text.RegularExpressions;

namespace Intake.Tests.Support;

/// <summary>
/// A browser's part in the console over plain HTTP: its own cookies (the anti-forgery cookie, and the sign-in cookie
/// once signed in at /console/login) and a page's anti-forgery token, posted with a form as the page would post it.
/// Redirects are answered as they are, so a test sees the post-redirect-get of a success.
/// </summary>
internal sealed partial class ConsoleSession : IDisposable
{
    private ConsoleSession(ApiFactory api)
    {
        using var probe = api.CreateClientNotFollowingRedirects();
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = probe.BaseAddress,
        };
    }

    public HttpClient Client { get; }

    /// <summary>A visitor with no sign-in (the one who follows an alert link).</summary>
    public static ConsoleSession Anonymous(ApiFactory api) => new(api);

    /// <summary>Signed in through the sign-in page's form.</summary>
    public static async Task<ConsoleSession> SignInAsync(ApiFactory api, string email, string password = TherapistAccounts.Password)
    {
        var session = new ConsoleSession(api);
        var token = await session.TokenAsync("/console/login");
        using var signedIn = await session.PostAsync("/console/login", token, ("Email", email), ("Password", password));
        Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "signed in");
        return session;
    }

    /// <summary>GETs a page (answered 200) and returns its form's anti-forgery token.</summary>
    public async Task<string> TokenAsync(string path)
    {
        using var page = await Client.GetAsync(path);
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        var match = AntiforgeryField().Match(await page.Content.ReadAsStringAsync());
        Assert.That(match.Success, Is.True, $"{path} has a form with its anti-forgery token");
        return match.Groups[1].Value;
    }

    /// <summary>POSTs a form with the token and these fields (a name may repeat).</summary>
    public Task<HttpResponseMessage> PostAsync(string path, string token, params (string Name, string Value)[] fields) =>
        Client.PostAsync(path, new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields.Select(f => KeyValuePair.Create(f.Name, f.Value))]));

    /// <summary>An answer's HTML, its entities decoded.</summary>
    public static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
