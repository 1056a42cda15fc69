using Microsoft.Playwright;

namespace Intake.Tests.Browser;

/// <summary>
/// One Chromium for the whole run of the browser tests (Debian's, never a downloaded one); each test opens its own
/// context. A missing browser fails the run with what to install: the browser tests are never silently skipped.
/// </summary>
[SetUpFixture]
public sealed class BrowserRun
{
    /// <summary>INTAKE_CHROMIUM, or Debian's chromium package.</summary>
    public static string ExecutablePath { get; } = Environment.GetEnvironmentVariable("INTAKE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Chromium's own calls home are switched off: nothing but the page under test reaches the network.</summary>
    public static readonly string[] Arguments =
    [
        "--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    internal static IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser run has not started.");

    [OneTimeSetUp]
    public async Task StartChromium()
    {
        if (!File.Exists(ExecutablePath))
            Assert.Fail($"No Chromium at {ExecutablePath}: install Debian's chromium package (apt-get install chromium) or set INTAKE_CHROMIUM.");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Arguments,
        });
    }

    [OneTimeTearDown]
    public async Task StopChromium()
    {
        if (_browser is not null)
            await _browser.CloseAsync();
        _playwright?.Dispose();
    }
}
