using Deque.AxeCore.Commons;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Deque.AxeCore.Playwright;
using Intake.Tests.Support;
using Microsoft.Playwright;
using NodaTime;
using NodaTime.Testing;

namespace Intake.Tests.Browser;

/// <summary>
/// A fresh database, the real Api on a socket with a fake clock, and a page in its own browser context (a visitor in
/// New York with an American English browser unless a test says otherwise). Every request the browser makes is
/// recorded; after each test none may have gone to another origin, and no cookie may have been set.
/// </summary>
[Category("Browser")]
public abstract class BrowserTests
{
    /// <summary>The WCAG 2.2 AA rule sets axe runs on every state.</summary>
    private static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>Where the clock starts: Wednesday 10 March 2027, 07:00 in New York (before its change on the 14th).</summary>
    protected virtual Instant Start => Instant.FromUtc(2027, 3, 10, 12, 0);

    /// <summary>The visitor's browser: its zone and locale.</summary>
    protected virtual string BrowserTimeZone => "America/New_York";

    protected virtual string BrowserLocale => "en-US";

    /// <summary>Settings on top of the root appsettings.json for this fixture's Api.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    protected FakeClock Clock { get; private set; } = null!;

    internal TestDatabase Database { get; private set; } = null!;

    internal ApiFactory Api { get; private set; } = null!;

    /// <summary>The Api's own origin, e.g. http://127.0.0.1:41234.</summary>
    protected Uri Origin { get; private set; } = null!;

    protected IBrowserContext Context { get; private set; } = null!;

    protected IPage Page { get; private set; } = null!;

    /// <summary>Every request that reached the Api with a Referer header (its path), as the Api saw it.</summary>
    protected List<string> Referred { get; } = [];

    /// <summary>Every URL the browser asked for, in every page of the context.</summary>
    protected List<string> Requested { get; } = [];

    [SetUp]
    public async Task OpenBrowser()
    {
        Clock = new FakeClock(Start);
        Database = new TestDatabase();
        Referred.Clear();
        Api = new ApiFactory(Database, Clock, Settings, services => services.AddSingleton<IStartupFilter>(new RefererRecorder(Referred)));
        using (var probe = Api.CreateClient())
            Origin = probe.BaseAddress!;
        Requested.Clear();
        Context = await NewContextAsync();
        Page = await Context.NewPageAsync();
    }

    /// <summary>Another visitor's browser on the same Api (a second context: its own storage, recorded the same way).</summary>
    protected async Task<IBrowserContext> NewContextAsync(string? timeZone = null, string? locale = null)
    {
        var context = await BrowserRun.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Origin.ToString(),
            TimezoneId = timeZone ?? BrowserTimeZone,
            Locale = locale ?? BrowserLocale,
            ViewportSize = new ViewportSize { Width = 1000, Height = 900 },
        });
        _contexts.Add(context);
        context.Request += (_, request) =>
        {
            lock (Requested)
                Requested.Add(request.Url);
        };
        return context;
    }

    /// <summary>Every context of this test, closed with it: none may go on asking anything of the next test's Api.</summary>
    private readonly List<IBrowserContext> _contexts = [];

    [TearDown]
    public async Task CloseBrowser()
    {
        try
        {
            if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
                await ScreenshotAsync("failed");
            var cookies = await Context.CookiesAsync();
            Assert.That(cookies.Select(c => c.Name), Is.Empty, "no cookie is set for a prospect");
            string[] elsewhere;
            lock (Requested)
                elsewhere = Requested.Where(url => !IsOwn(url)).Distinct().ToArray();
            Assert.That(elsewhere, Is.Empty, "the browser asked nothing of any other origin");
            string[] referred;
            lock (Referred)
                referred = Referred.Where(path => path != "/embed.js").Distinct().ToArray();
            // /embed.js is asked for by the practice's own page, under the practice's own referrer policy.
            Assert.That(referred, Is.Empty, "no request from Intake's pages carried a Referer");
        }
        finally
        {
            foreach (var context in _contexts)
                await context.CloseAsync();
            _contexts.Clear();
            await Api.DisposeAsync();
            Database.Dispose();
        }
    }

    /// <summary>True for the Api's own origin (and for URLs that make no request: data:, blob:, about:).</summary>
    protected virtual bool IsOwn(string url)
    {
        var uri = new Uri(url);
        return uri.Scheme is "data" or "blob" or "about"
            || (uri.Scheme == Origin.Scheme && uri.Host == Origin.Host && uri.Port == Origin.Port);
    }

    /// <summary>axe-core on the page as it is now: no violation of WCAG 2.2 AA is allowed, in any state.</summary>
    protected async Task AssertAccessibleAsync(string state, IPage? page = null)
    {
        var result = await (page ?? Page).RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags },
        });
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Select(n => n.Target.ToString()))}");
        Assert.That(violations, Is.Empty, $"axe found violations of WCAG 2.2 AA in state \"{state}\"");
        TestContext.Out.WriteLine($"axe, {state}: 0 violations, {result.Passes.Length} rules passed");
    }

    /// <summary>A full-page screenshot under TestResults/screenshots, named for the test and the state.</summary>
    /// <summary>Presses Tab until the focused control's accessible name (its aria-label, else its text) is <paramref name="name"/>.</summary>
    protected static async Task TabToAsync(IPage page, string name)
    {
        for (var presses = 0; presses < 80; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string?>(
                "() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim()");
            if (focused == name)
                return;
        }

        Assert.Fail($"Tab never reached \"{name}\"");
    }

    protected async Task<string> ScreenshotAsync(string state, IPage? page = null)
    {
        var folder = Path.Combine(TestPaths.RepositoryRoot, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{TestContext.CurrentContext.Test.Name}-{state}.png");
        await (page ?? Page).ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}

/// <summary>Records, at the Api itself, the path of every request that arrives with a Referer.</summary>
internal sealed class RefererRecorder(List<string> referred) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, inner) =>
        {
            if (context.Request.Headers.Referer.Count > 0)
            {
                lock (referred)
                    referred.Add(context.Request.Path.Value ?? string.Empty);
            }

            return inner(context);
        });
        next(app);
    };
}
