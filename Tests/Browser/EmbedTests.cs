using Intake.Tests.Support;
using Microsoft.Playwright;

namespace Intake.Tests.Browser;

/// <summary>
/// The embed snippet on a practice's own page (docs/embed-sample.html, served from another port of 127.0.0.1): the
/// button opens the booking page in a dialog, the inline frame books a time, and the frames are as tall as their
/// content. Web:EmbedOrigins names the sample site; the browser may ask nothing of any origin but it and Intake.
/// </summary>
public sealed class EmbedTests : BookingBrowserTests
{
    private const string FrameTitle = "Book a free consultation";

    private EmbedSampleHost _host = null!;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Web:EmbedOrigins:0"] = _host.Origin,
    };

    [OneTimeSetUp]
    public async Task StartSampleHost() => _host = await EmbedSampleHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopSampleHost() => await _host.DisposeAsync();

    [SetUp]
    public void EmbedThisTestsIntake() => _host.Intake = Origin;

    protected override bool IsOwn(string url) => base.IsOwn(url) || new Uri(url).GetLeftPart(UriPartial.Authority) == _host.Origin;

    [Test]
    public async Task ButtonSnippet_WithTheKeyboard_OpensTheBookingPageInADialog_AndEscapeReturnsFocus()
    {
        await Page.GotoAsync(_host.Origin + "/");
        var button = Page.GetByRole(AriaRole.Button, new() { Name = "Book a free consultation" });
        await Assertions.Expect(button).ToBeVisibleAsync();
        Assert.That(BookingPageLoads(), Is.EqualTo(1),
            "only the inline frame loads the booking page before the button is pressed");

        await Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(button).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");

        var dialog = Page.GetByRole(AriaRole.Dialog, new() { Name = "Book a free consultation" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        var booking = dialog.GetByTitle(FrameTitle).ContentFrame;
        await Assertions.Expect(booking.GetByRole(AriaRole.Heading, new() { Name = "Free 15-minute phone consultation" })).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Close" })).ToBeFocusedAsync();
        await ScreenshotAsync("dialog-open");
        await AssertAccessibleAsync("sample host page, dialog open");

        await Page.Keyboard.PressAsync("Escape");

        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(button).ToBeFocusedAsync();
    }

    [Test]
    public async Task ButtonSnippet_CloseButton_ClosesTheDialog_AndReopensTheSameFrame()
    {
        await Page.GotoAsync(_host.Origin + "/");
        var button = Page.GetByRole(AriaRole.Button, new() { Name = "Book a free consultation" });
        await button.ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog, new() { Name = "Book a free consultation" });
        await Assertions.Expect(dialog.GetByTitle(FrameTitle).ContentFrame.GetByRole(AriaRole.Heading, new() { Name = "Free 15-minute phone consultation" }))
            .ToBeVisibleAsync();

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(button).ToBeFocusedAsync();
        await button.ClickAsync();

        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByTitle(FrameTitle)).ToHaveCountAsync(1);
        Assert.That(BookingPageLoads(), Is.EqualTo(2),
            "the inline frame and the dialog's, loaded once");
    }

    [Test]
    public async Task InlineFrame_OnThePracticesSite_BooksATimeInsideTheFrame()
    {
        await Page.GotoAsync(_host.Origin + "/");
        var booking = Page.GetByRole(AriaRole.Main).GetByTitle(FrameTitle).ContentFrame;
        await booking.GetByRole(AriaRole.Button, new() { Name = WednesdayNine, Exact = true }).ClickAsync();
        await booking.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync("Sam Rivera");
        await booking.GetByRole(AriaRole.Textbox, new() { Name = "Phone", Exact = true }).FillAsync("+1 212-555-0199");
        await booking.GetByRole(AriaRole.Textbox, new() { Name = "Email", Exact = true }).FillAsync("sam.rivera@example.com");
        await booking.GetByRole(AriaRole.Button, new() { Name = "Request this time" }).ClickAsync();

        await Assertions.Expect(booking.GetByRole(AriaRole.Heading, new() { Name = "Your time is held", Level = 2 })).ToBeFocusedAsync();
        await ScreenshotAsync("booked-inline");
        var stored = (await StoredAsync()).Single();
        Assert.That(stored.SlotStart, Is.EqualTo(NodaTime.Instant.FromUtc(2027, 3, 10, 14, 0)));
        Assert.That(stored.Prospect.Name, Is.EqualTo("Sam Rivera"));
    }

    [Test]
    public async Task InlineFrame_HeightFollowsItsContent()
    {
        await Page.GotoAsync(_host.Origin + "/");
        var frame = Page.GetByRole(AriaRole.Main).GetByTitle(FrameTitle);
        await Assertions.Expect(frame.ContentFrame.GetByRole(AriaRole.Heading, new() { Name = "Free 15-minute phone consultation" })).ToBeVisibleAsync();
        var booking = BookingFrame();

        var content = await ContentHeightAsync(booking);
        Assert.That(await HeightBecomesAsync(frame, content), Is.True, $"the frame is as tall as its content ({content}px)");

        await booking.EvaluateAsync("() => { const tall = document.createElement('div'); tall.id = 'tall'; tall.style.height = '1500px'; document.querySelector('main').append(tall); }");
        Assert.That(await HeightBecomesAsync(frame, content + 1500), Is.True, "the frame grows with its content");
        await ScreenshotAsync("inline-grown");

        await booking.EvaluateAsync("() => document.getElementById('tall').remove()");
        Assert.That(await HeightBecomesAsync(frame, content), Is.True, "and shrinks with it");
    }

    [Test]
    public async Task HeightMessages_FromAnotherOrigin_OrNotAFiniteHeightInBounds_AreIgnored()
    {
        await Page.GotoAsync(_host.Origin + "/");
        var frame = Page.GetByRole(AriaRole.Main).GetByTitle(FrameTitle);
        await Assertions.Expect(frame.ContentFrame.GetByRole(AriaRole.Heading, new() { Name = "Free 15-minute phone consultation" })).ToBeVisibleAsync();
        var booking = BookingFrame();
        var content = await ContentHeightAsync(booking);
        Assert.That(await HeightBecomesAsync(frame, content), Is.True);

        // The host page itself (not Intake's origin) claims a height; then Intake's frame sends what is not a height.
        await Page.EvaluateAsync("() => window.postMessage({ type: 'intake:height', height: 3000 }, '*')");
        foreach (var bad in new[] { "Infinity", "NaN", "'3000'", "1e9", "-5", "0", "null" })
            await booking.EvaluateAsync($"() => window.parent.postMessage({{ type: 'intake:height', height: {bad} }}, '*')");
        await booking.EvaluateAsync("() => window.parent.postMessage({ type: 'other', height: 3000 }, '*')");
        await booking.EvaluateAsync("() => window.parent.postMessage(3000, '*')");
        await Page.WaitForTimeoutAsync(300);
        Assert.That((await frame.BoundingBoxAsync())!.Height, Is.EqualTo(content).Within(1), "no stray message set the height");

        await booking.EvaluateAsync("() => window.parent.postMessage({ type: 'intake:height', height: 777 }, '*')");
        Assert.That(await HeightBecomesAsync(frame, 777), Is.True, "a height from Intake's frame, in bounds, is taken");
    }

    [Test]
    public async Task SampleHostPage_WithTheFrames_IsAccessible()
    {
        await Page.GotoAsync(_host.Origin + "/");
        var frame = Page.GetByRole(AriaRole.Main).GetByTitle(FrameTitle);
        await Assertions.Expect(frame.ContentFrame.GetByRole(AriaRole.Heading, new() { Name = "Free 15-minute phone consultation" })).ToBeVisibleAsync();
        Assert.That(await HeightBecomesAsync(frame, await ContentHeightAsync(BookingFrame())), Is.True);

        await ScreenshotAsync("inline");
        await AssertAccessibleAsync("sample host page, inline frame");
    }

    private int BookingPageLoads()
    {
        lock (Requested)
            return Requested.Count(url => url == new Uri(Origin, "/book").ToString());
    }

    /// <summary>The inline booking frame as a Playwright frame (to measure and change its content).</summary>
    private IFrame BookingFrame() => Page.Frames.Single(f => f.Url == new Uri(Origin, "/book").ToString());

    private static Task<double> ContentHeightAsync(IFrame frame) =>
        frame.EvaluateAsync<double>("() => Math.ceil(document.documentElement.getBoundingClientRect().height)");

    private static Task<bool> HeightBecomesAsync(ILocator frame, double height) =>
        Eventually.TrueWithinAsync(TimeSpan.FromSeconds(5), async () => await frame.BoundingBoxAsync() is { } box && Math.Abs(box.Height - height) <= 1);
}
