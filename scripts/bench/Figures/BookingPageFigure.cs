using System.Diagnostics;
using Intake.Bench.Hosts;
using Intake.Bench.Report;
using Microsoft.Playwright;

namespace Intake.Bench.Figures;

/// <summary>
/// Figure 7: the booking page in Debian's headless Chromium against the local Api — what its first load weighs
/// (HTML, CSS, JS, fonts, images; the open times' JSON counted apart) and the time from navigation to the first
/// open time visible, each run in a fresh browser context (an empty cache), against a bare page of the same
/// weight that shows one time button with no script.
/// </summary>
internal static class BookingPageFigure
{
    private const string Figure = "F7";
    private const double WeightBudgetKb = 60;
    private const double TimeBudgetMs = 300;
    private static readonly string[] Assets = ["document", "stylesheet", "script", "font", "image"];

    public static async Task<FigureResult> RunAsync(BenchContext context)
    {
        var runs = context.Options.Quick ? 3 : 20;
        var result = new FigureResult(Figure, $"Booking page: first load and first open time, {runs} runs");
        var database = await context.Storage.CreateDatabaseAsync("booking-page");
        var settings = new Dictionary<string, string>(context.Storage.HostSettings(database));
        foreach (var (key, value) in PracticeSettings.For(horizonDays: 30))
            settings[key] = value;
        using var api = await context.Hosts.StartApiAsync(settings);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("INTAKE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });

        // One unrecorded load of each, so the Api's first-request work (JIT, the first query) is not in run 1.
        await LoadAsync(browser, new Uri(api.BaseAddress, "/book"));
        var first = await LoadAsync(browser, new Uri(api.BaseAddress, "/book"));
        var assetBytes = first.Bytes(r => Assets.Contains(r.Type));
        await LoadAsync(browser, new Uri(api.BaseAddress, $"/bench/baseline/page?bytes={assetBytes}"));

        var page = new List<PageLoad>();
        var bare = new List<PageLoad>();
        for (var run = 0; run < runs; run++)
        {
            page.Add(await LoadAsync(browser, new Uri(api.BaseAddress, "/book")));
            bare.Add(await LoadAsync(browser, new Uri(api.BaseAddress, $"/bench/baseline/page?bytes={assetBytes}")));
        }

        context.Checks.Require(page.All(p => p.ShowedATime), Figure, $"every one of {runs} loads of /book showed an open time");
        var elsewhere = page.SelectMany(p => p.Responses).Where(r => !r.Url.StartsWith(api.BaseAddress.ToString(), StringComparison.Ordinal)).ToList();
        context.Checks.Require(elsewhere.Count == 0, Figure, $"the booking page asked nothing of any other origin ({elsewhere.Count} requests did)");
        // The icon may be asked for after the times show, so the same weight is checked without images.
        var code = first.Bytes(r => Assets.Contains(r.Type) && r.Type != "image");
        context.Checks.Require(page.All(p => p.Bytes(r => Assets.Contains(r.Type) && r.Type != "image") == code), Figure,
            $"every load read the same {code:N0} bytes of HTML, CSS and JS (a fresh cache each time)"
            + string.Concat(page.Select(p => p.Bytes(r => Assets.Contains(r.Type) && r.Type != "image")).Where(b => b != code).Distinct().Select(b => $"; one read {b:N0}")));

        var kb = assetBytes / 1024.0;
        var byType = string.Join(", ", first.Responses.Where(r => Assets.Contains(r.Type)).GroupBy(r => r.Type)
            .Select(g => $"{g.Key} {g.Sum(r => r.Length) / 1024.0:N1} KB × {g.Count()}"));
        var json = first.Bytes(r => !Assets.Contains(r.Type));
        result.Rows.Add(new FigureRow(Figure, "booking page first load (HTML, CSS, JS, fonts, images; uncompressed)",
            $"{kb:N1} KB ({byType}); open times' JSON {json / 1024.0:N1} KB more", Target: $"< {WeightBudgetKb} KB", Met: kb < WeightBudgetKb));

        var shown = Spread.Of(page.Select(p => p.Milliseconds));
        var floor = Spread.Of(bare.Select(p => p.Milliseconds));
        result.Rows.Add(new FigureRow(Figure, $"navigation to the first open time visible, fresh cache, median of {runs}",
            $"{shown.Format("F0")} ms", $"{floor.Format("F0")} ms (bare page of the same bytes, one button, no script)",
            floor.Median / shown.Median, $"< {TimeBudgetMs} ms", shown.Median < TimeBudgetMs));
        result.Bounds.Add(
            $"Booking page: the bare page shows its button in {floor.Median:F0} ms (the browser's own navigation and paint); /book adds its " +
            $"module scripts (all asked for at once: the imports are preloaded), then GET /api/slots for the first week in the visitor's zone (sent before the calendar is drawn; the rest of the month follows), then the render — " +
            $"{shown.Median - floor.Median:F0} ms more at the median.");
        context.RecordPeak(api.Process, "F7 booking page");
        return result;
    }

    /// <summary>Opens the URL in a fresh context and waits until a time button ([data-start]) is visible.</summary>
    private static async Task<PageLoad> LoadAsync(IBrowser browser, Uri url)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { TimezoneId = PracticeSettings.Zone, Locale = "en-US" });
        var page = await context.NewPageAsync();
        var responses = new List<Task<LoadedResponse>>();
        page.Response += (_, response) => responses.Add(ReadAsync(response));
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(url.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        var shown = true;
        try
        {
            // Checked on every animation frame (a locator's wait polls at growing intervals, up to 500 ms apart).
            await page.WaitForFunctionAsync(
                "() => [...document.querySelectorAll('[data-start]')].some(b => b.checkVisibility())",
                null, new PageWaitForFunctionOptions { PollingInterval = null, Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            shown = false;
        }

        clock.Stop();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return new PageLoad(clock.Elapsed.TotalMilliseconds, shown, await Task.WhenAll(responses));
    }

    private static async Task<LoadedResponse> ReadAsync(IResponse response)
    {
        var length = response.Status is >= 300 and < 400 ? 0 : (await response.BodyAsync()).Length;
        return new LoadedResponse(response.Url, response.Request.ResourceType, length);
    }

    private sealed record LoadedResponse(string Url, string Type, int Length);

    private sealed record PageLoad(double Milliseconds, bool ShowedATime, LoadedResponse[] Responses)
    {
        public long Bytes(Func<LoadedResponse, bool> which) => Responses.Where(which).Sum(r => (long)r.Length);
    }
}
