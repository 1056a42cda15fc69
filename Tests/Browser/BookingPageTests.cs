using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Intake.Domain.Consultations;
using Intake.Tests.Support;
using Microsoft.Playwright;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace Intake.Tests.Browser;

/// <summary>The booking page from the first open time to the confirmation, and every way a request can go wrong.</summary>
public sealed class BookingPageTests : BookingBrowserTests
{

    [Test]
    public async Task Book_ATime_HoldsIt_AndTheAcknowledgementGoesOutWithTheManageLinkOnly()
    {
        await OpenAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Free 15-minute phone consultation", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByText("Calm Harbor Counseling").First).ToBeVisibleAsync();
        await Expect(Page.GetByText("Times shown in Eastern Time (New York)")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Wednesday, March 10, 2027, \\d+ open times$") }))
            .ToHaveAttributeAsync("aria-pressed", "true");
        await ScreenshotAsync("times");
        await AssertAccessibleAsync("booking page, times shown");

        var consent = Page.GetByRole(AriaRole.Checkbox);
        await Expect(consent).Not.ToBeCheckedAsync();
        await Expect(consent).ToHaveAccessibleNameAsync(new Regex(
            "^Yes, Calm Harbor Counseling may text me about this consultation request.*Msg & data rates may apply\\. Reply STOP to opt out, HELP for help\\.$"));
        await Expect(Field("Anything you would like the therapist to know (optional)"))
            .ToHaveAccessibleDescriptionAsync(new Regex("Only the therapist reads this\\. This form is not for emergencies.*988"));

        await Time(WednesdayNine).ClickAsync();
        await Expect(Page.GetByText($"Your time: {WednesdayNine}")).ToBeFocusedAsync();
        await FillDetailsAsync(Page);
        await Field("Anything you would like the therapist to know (optional)").FillAsync("Words only the therapist reads");
        await ScreenshotAsync("form");
        await AssertAccessibleAsync("booking page, form filled");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Request this time" }).ClickAsync();

        await Expect(Done(Page, "Your time is held")).ToBeFocusedAsync();
        await Expect(Page.GetByText($"We are holding {WednesdayNine} for you until the therapist confirms it.")).ToBeVisibleAsync();
        await Expect(Page.GetByText(new Regex("add it to your calendar"))).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("calendar", RegexOptions.IgnoreCase) })).ToHaveCountAsync(0);
        await Expect(Field("Name")).ToBeHiddenAsync();
        await ScreenshotAsync("confirmation");
        await AssertAccessibleAsync("booking page, confirmation");

        var stored = (await StoredAsync()).Single();
        Assert.That(stored.Status, Is.EqualTo(ConsultationStatus.Pending));
        Assert.That(stored.SlotStart, Is.EqualTo(WednesdayNineUtc));
        Assert.That(stored.TherapistId, Is.EqualTo("t1"));
        Assert.That(stored.Prospect.Name, Is.EqualTo("Sam Rivera"));
        Assert.That(stored.Prospect.TimeZone.Id, Is.EqualTo("America/New_York"));
        Assert.That(stored.Holds, Is.Not.Empty);
        Assert.That(RequestedUrls().Select(url => new Uri(url).PathAndQuery),
            Has.None.Contains("Sam").And.None.Contains("Rivera").And.None.Contains("212").And.None.Contains("0199"),
            "the visitor's details never appear in a URL");

        var sent = await DispatchToOutboxAsync();
        var acknowledgement = sent.Single(file => file.StartsWith("To: sam.rivera@example.com", StringComparison.Ordinal));
        Assert.That(acknowledgement, Does.Contain("/manage/").And.Contain("9:00 AM"));
        Assert.That(sent, Has.None.Contains("Words only the therapist reads"), "the visitor's own words are in no message");
    }

    [Test]
    public async Task Callback_WithoutATime_IsRequested_AndSaysNoTimeIsBooked()
    {
        await OpenAsync();
        await FillDetailsAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ask for a call back" }).ClickAsync();

        await Expect(Done(Page, "Your request for a call back is in")).ToBeFocusedAsync();
        await Expect(Page.GetByText("No time is booked yet: the therapist will contact you to find a time that suits you.")).ToBeVisibleAsync();
        await ScreenshotAsync("callback");
        await AssertAccessibleAsync("booking page, callback requested");
        var stored = (await StoredAsync()).Single();
        Assert.That(stored.Status, Is.EqualTo(ConsultationStatus.Requested));
        Assert.That(stored.SlotStart, Is.Null);
        Assert.That(stored.Holds, Is.Empty);
    }

    [Test]
    public async Task RequestThisTime_WithNoTimeChosen_SaysChooseOne_AndSendsNothing()
    {
        await OpenAsync();
        await FillDetailsAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Request this time" }).ClickAsync();

        await Expect(Page.GetByText("Choose a time above, or ask for a call back.").First).ToBeVisibleAsync();
        Assert.That(await StoredAsync(), Is.Empty);
        Assert.That(RequestedUrls().Count(url => url.EndsWith("/api/consultations", StringComparison.Ordinal)), Is.Zero);
    }

    [Test]
    public async Task SwitchingTheZone_RelabelsTheSameInstants()
    {
        await OpenAsync();
        var inNewYork = await StartsAsync();
        Assert.That(inNewYork, Has.Count.EqualTo(28), "09:00-12:00 and 13:00-17:00: 12 and 16 quarter hours");

        await Page.GetByLabel("Time zone").SelectOptionAsync("Europe/London");

        await Expect(Page.GetByText("Times shown in United Kingdom Time (London)")).ToBeVisibleAsync();
        await Expect(Time("Wednesday, March 10, 2027, 2:00 PM United Kingdom Time")).ToBeVisibleAsync();
        await Expect(Time(WednesdayNine)).ToHaveCountAsync(0);
        Assert.That(await StartsAsync(), Is.EqualTo(inNewYork), "the same moments, under London's names");
        await ScreenshotAsync("london");
        await AssertAccessibleAsync("booking page, another zone");

        await Time("Wednesday, March 10, 2027, 2:00 PM United Kingdom Time").ClickAsync();
        await FillDetailsAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Request this time" }).ClickAsync();
        await Expect(Page.GetByText("We are holding Wednesday, March 10, 2027, 2:00 PM United Kingdom Time for you")).ToBeVisibleAsync();
        var stored = (await StoredAsync()).Single();
        Assert.That(stored.SlotStart, Is.EqualTo(WednesdayNineUtc));
        Assert.That(stored.Prospect.TimeZone.Id, Is.EqualTo("Europe/London"), "the zone the visitor chose is theirs for every message");
    }

    [Test]
    public async Task WithTheKeyboardAlone_AVisitorBooksATime_AndFocusIsAlwaysVisible()
    {
        await Page.GotoAsync("/book");
        await Expect(Time(WednesdayNine)).ToBeVisibleAsync();

        await TabToAsync(Page, WednesdayNine);
        var outline = await Page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.That(outline, Is.Not.EqualTo("none"), "the focused time shows its focus");
        await ScreenshotAsync("keyboard-focus");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByText($"Your time: {WednesdayNine}")).ToBeFocusedAsync();

        await Page.Keyboard.PressAsync("Tab");
        await Expect(Field("Name")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("Sam Rivera");
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Field("Phone")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("+1 212-555-0199");
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Field("Email")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("sam.rivera@example.com");
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByRole(AriaRole.Radio, new() { Name = "Email" })).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("ArrowUp");
        await Expect(Page.GetByRole(AriaRole.Radio, new() { Name = "Text message" })).ToBeCheckedAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByRole(AriaRole.Checkbox)).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Space");
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Request this time" })).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");

        await Expect(Done(Page, "Your time is held")).ToBeFocusedAsync();
        await Expect(Page.GetByText("We have sent you a message by text to say we received your request")).ToBeVisibleAsync();
        var stored = (await StoredAsync()).Single();
        Assert.That(stored.SlotStart, Is.EqualTo(WednesdayNineUtc));
        Assert.That(stored.Prospect.PreferredChannel, Is.EqualTo(ContactChannel.Sms));
        Assert.That(stored.Prospect.SmsConsent, Is.True);
    }

    [Test]
    public async Task MissingAndMalformedFields_AreShownAtTheirFields_AndNothingIsStored()
    {
        await OpenAsync();
        await Time(WednesdayNine).ClickAsync();
        await Field("Email").FillAsync("not an address");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Request this time" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" })).ToBeVisibleAsync();
        await Expect(Field("Name")).ToBeFocusedAsync();
        foreach (var label in new[] { "Name", "Phone", "Email" })
        {
            await Expect(Field(label)).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(Field(label)).ToHaveAccessibleDescriptionAsync(new Regex(".+"));
        }

        await Expect(Field("Email")).ToHaveValueAsync("not an address");
        await ScreenshotAsync("errors");
        await AssertAccessibleAsync("booking page, form with errors");
        Assert.That(await StoredAsync(), Is.Empty);

        await FillDetailsAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Request this time" }).ClickAsync();
        await Expect(Done(Page, "Your time is held")).ToBeVisibleAsync();
        Assert.That(await StoredAsync(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task AFieldLongerThanItsLimit_WithTheLimitRemoved_IsRefusedAtThatField()
    {
        await OpenAsync();
        await Time(WednesdayNine).ClickAsync();
        await FillDetailsAsync(Page);
        await Page.EvaluateAsync("() => document.getElementById('name').removeAttribute('maxlength')");
        await Field("Name").FillAsync(new string('x', 500));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Request this time" }).ClickAsync();

        await Expect(Field("Name")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Field("Phone")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        Assert.That(await StoredAsync(), Is.Empty);
    }

    [Test]
    public async Task ATamperedPost_ForATimeNeverOffered_IsRefused_AndFreshTimesAreShown()
    {
        await OpenAsync();
        await Page.RouteAsync("**/api/consultations", async route =>
        {
            var body = JsonNode.Parse(route.Request.PostData!)!.AsObject();
            body["slotStart"] = "2027-03-10T09:07:00-05:00";
            await route.ContinueAsync(new() { PostData = System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()) });
        });
        await Time(WednesdayNine).ClickAsync();
        await FillDetailsAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Request this time" }).ClickAsync();

        await Expect(Page.GetByText(new Regex("^Sorry, that time is not open any more")).First).ToBeVisibleAsync();
        await Expect(Field("Name")).ToHaveValueAsync("Sam Rivera");
        Assert.That(await StoredAsync(), Is.Empty);
        await Expect(Page.GetByText("No time chosen yet: choose one above, or ask for a call back.")).ToBeVisibleAsync();
        // The times were fetched again: the one the page offered is still open, but the visitor chooses again.
        await Expect(Time(WednesdayNine)).ToHaveAttributeAsync("aria-pressed", "false");
        Assert.That(await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(5), () => Task.FromResult(SlotQueries() >= 2)), Is.True, "the times were asked for again");

        await Page.UnrouteAllAsync();
        await Time(WednesdayNine).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Request this time" }).ClickAsync();
        await Expect(Done(Page, "Your time is held")).ToBeVisibleAsync();
        Assert.That((await StoredAsync()).Single().SlotStart, Is.EqualTo(WednesdayNineUtc));
    }

    [Test]
    public async Task WhenTheNetworkFails_ThePageSaysSo_AndKeepsEverythingTyped()
    {
        await OpenAsync();
        await Time(WednesdayNine).ClickAsync();
        await FillDetailsAsync(Page);
        await Field("Anything you would like the therapist to know (optional)").FillAsync("Evenings are better");
        await Page.RouteAsync("**/api/consultations", route => route.AbortAsync("connectionfailed"));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Request this time" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(new Regex("^Your request could not be sent: the connection failed\\. Nothing you typed is lost"));
        await Expect(Field("Name")).ToHaveValueAsync("Sam Rivera");
        await Expect(Field("Email")).ToHaveValueAsync("sam.rivera@example.com");
        await Expect(Field("Anything you would like the therapist to know (optional)")).ToHaveValueAsync("Evenings are better");
        await Expect(Page.GetByText($"Your time: {WednesdayNine}")).ToBeVisibleAsync();
        await ScreenshotAsync("network-failed");
        await AssertAccessibleAsync("booking page, network failure");
        Assert.That(await StoredAsync(), Is.Empty);

        await Page.UnrouteAllAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Request this time" }).ClickAsync();
        await Expect(Done(Page, "Your time is held")).ToBeVisibleAsync();
        Assert.That((await StoredAsync()).Single().Message, Is.EqualTo("Evenings are better"));
    }

    [Test]
    public async Task WhileTimesLoad_ThePageSaysSo()
    {
        var release = new TaskCompletionSource();
        await Page.RouteAsync("**/api/slots**", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await Page.GotoAsync("/book");

        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Loading open times…" })).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-start]")).ToHaveCountAsync(0);
        await ScreenshotAsync("loading");
        await AssertAccessibleAsync("booking page, times loading");

        release.SetResult();
        await Expect(Time(WednesdayNine)).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "open times in March 2027." })).ToBeVisibleAsync();
    }

    [Test]
    public async Task TheFirstWeek_ShowsAtOnce_AndTheRestOfTheMonthFollows_KeepingFocusAndTheChosenTime()
    {
        // The first query asks for 10–16 March; the rest of the month waits until the test lets it through.
        var release = new TaskCompletionSource();
        await Page.RouteAsync("**/api/slots**", async route =>
        {
            if (route.Request.Url.Contains("from=2027-03-17", StringComparison.Ordinal))
                await release.Task;
            await route.ContinueAsync();
        });
        await Page.GotoAsync("/book");

        await Expect(Time(WednesdayNine)).ToBeVisibleAsync();
        await Expect(Page.GetByText("Wednesday, March 24, 2027, open times still loading")).ToHaveCountAsync(1);
        await Expect(Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Wednesday, March 24, 2027") })).ToHaveCountAsync(0);
        await Expect(Page.Locator("[aria-busy=true]")).ToHaveCountAsync(1);
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Loading open times…" })).ToBeVisibleAsync();
        await ScreenshotAsync("first-week");
        await AssertAccessibleAsync("booking page, first week shown, the rest loading");
        var thursday = Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Thursday, March 11, 2027, \\d+ open times$") });
        await thursday.FocusAsync();

        release.SetResult();
        var later = Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Wednesday, March 24, 2027, \\d+ open times$") });
        await Expect(later).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "open times in March 2027." })).ToBeVisibleAsync();
        await Expect(Page.Locator("[aria-busy=true]")).ToHaveCountAsync(0);
        await Expect(thursday).ToBeFocusedAsync();

        // A time past the first week stays chosen when the times are asked for again in another zone.
        await later.ClickAsync();
        await Time("Wednesday, March 24, 2027, 9:00 AM Eastern Time").ClickAsync();
        await Page.GetByLabel("Time zone").SelectOptionAsync("Europe/London");
        await Expect(Page.GetByText("Your time: Wednesday, March 24, 2027, 1:00 PM United Kingdom Time")).ToBeVisibleAsync();
        await Expect(Time("Wednesday, March 24, 2027, 1:00 PM United Kingdom Time")).ToHaveAttributeAsync("aria-pressed", "true");
    }

    [Test]
    public async Task WhenTimesCannotLoad_ThePageSaysSo_AndTryAgainLoadsThem()
    {
        await Page.RouteAsync("**/api/slots**", route => route.AbortAsync("connectionfailed"));
        await Page.GotoAsync("/book");

        await Expect(Page.GetByText("Open times could not be loaded. Check your connection and try again.")).ToBeVisibleAsync();
        await AssertAccessibleAsync("booking page, times failed to load");
        await Page.UnrouteAllAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Try again" }).ClickAsync();
        await Expect(Time(WednesdayNine)).ToBeVisibleAsync();
    }

    [Test]
    public async Task DaysWithoutOpenTimes_AreNotChoices_AndNextMonthShowsApril()
    {
        await OpenAsync();
        // Saturday 13 March: no hours. Its name is read, but it is no button.
        await Expect(Page.GetByText("Saturday, March 13, 2027, no open times")).ToHaveCountAsync(1);
        await Expect(Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Saturday, March 13, 2027") })).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Previous month" })).ToBeDisabledAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Next month" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "April 2027" })).ToBeVisibleAsync();
        // Thirty days from 10 March: the last open day is Thursday 8 April.
        await Expect(Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Thursday, April 8, 2027, \\d+ open times$") })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Monday, April 12, 2027") })).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Next month" })).ToBeDisabledAsync();
        await AssertAccessibleAsync("booking page, next month");
    }

    private int SlotQueries()
    {
        lock (Requested)
            return Requested.Count(url => url.Contains("/api/slots?", StringComparison.Ordinal));
    }

    /// <summary>The instants of the chosen day's open times, as the page holds them.</summary>
    private async Task<List<Instant>> StartsAsync()
    {
        var starts = await Page.Locator("[data-start]").EvaluateAllAsync<string[]>("buttons => buttons.map(b => b.dataset.start)");
        return starts.Select(s => NodaTime.Text.OffsetDateTimePattern.ExtendedIso.Parse(s).Value.ToInstant()).Order().ToList();
    }
}
