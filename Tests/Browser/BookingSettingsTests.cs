using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Intake.Tests.Browser;

/// <summary>
/// A visitor in London with a British browser: the zone found by the browser and named as the browser names it
/// (Chromium's en-GB says "United Kingdom Time"), 24-hour times, weeks from Monday.
/// </summary>
public sealed class BookingPageInBritainTests : BookingBrowserTests
{
    protected override string BrowserTimeZone => "Europe/London";

    protected override string BrowserLocale => "en-GB";

    [Test]
    public async Task Times_AreInTheBrowsersZone_AsItsLocaleWritesThem()
    {
        await OpenAsync();

        await Expect(Page.GetByText("Times shown in United Kingdom Time (London)")).ToBeVisibleAsync();
        var two = Time("Wednesday, 10 March 2027, 14:00 United Kingdom Time");
        await Expect(two).ToHaveTextAsync("14:00");
        await Expect(Page.GetByRole(AriaRole.Columnheader).First).ToHaveTextAsync(new Regex("^Mon"));
        await ScreenshotAsync("en-GB");
        await AssertAccessibleAsync("booking page, British browser");

        await two.ClickAsync();
        await FillDetailsAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Request this time" }).ClickAsync();
        await Expect(Page.GetByText("We are holding Wednesday, 10 March 2027, 14:00 United Kingdom Time for you")).ToBeVisibleAsync();
        Assert.That((await StoredAsync()).Single().Prospect.TimeZone.Id, Is.EqualTo("Europe/London"));
    }
}

/// <summary>A practice of two therapists: any therapist by default, or the one the visitor chooses.</summary>
public sealed class BookingPageWithTwoTherapistsTests : BookingBrowserTests
{
    protected override IReadOnlyDictionary<string, string> Settings
    {
        get
        {
            var settings = new Dictionary<string, string>
            {
                ["Practice:Therapists:1:Id"] = "t2",
                ["Practice:Therapists:1:Name"] = "Ben Okafor",
                ["Practice:Therapists:1:Email"] = "ben@calmharbor.example",
                ["Practice:Therapists:1:TimeZone"] = "Europe/London",
            };
            foreach (var day in new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" })
                settings[$"Practice:Therapists:1:WeeklyHours:{day}:0"] = "09:00-17:00";
            return settings;
        }
    }

    [Test]
    public async Task AnyTherapist_IsTheDefault_AndChoosingOneShowsOnlyTheirTimes()
    {
        await OpenAsync();
        var therapist = Page.GetByLabel("Therapist", new() { Exact = true });
        await Expect(therapist).ToHaveValueAsync("");
        await Expect(therapist.Locator("option:checked")).ToHaveTextAsync("Any therapist");
        // Ada (New York) is open in the afternoon; Ben (London, 09:00-17:00) only until noon in New York.
        await Expect(Time("Wednesday, March 10, 2027, 1:00 PM Eastern Time")).ToBeVisibleAsync();
        await AssertAccessibleAsync("booking page, two therapists");

        await therapist.SelectOptionAsync(new SelectOptionValue { Label = "Ben Okafor" });
        await Expect(Time("Wednesday, March 10, 2027, 1:00 PM Eastern Time")).ToHaveCountAsync(0);
        await Time(WednesdayNine).ClickAsync();
        await Expect(Page.GetByText($"Your time: {WednesdayNine}, with Ben Okafor")).ToBeFocusedAsync();
        await FillDetailsAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Request this time" }).ClickAsync();

        await Expect(Done(Page, "Your time is held")).ToBeVisibleAsync();
        Assert.That((await StoredAsync()).Single().TherapistId, Is.EqualTo("t2"));
    }
}

/// <summary>A practice with nothing open before its horizon.</summary>
public sealed class BookingPageWithNoOpenTimesTests : BookingBrowserTests
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Practice:HorizonDays"] = "3",
        ["Practice:MinimumNoticeMinutes"] = "20160",
    };

    [Test]
    public async Task NoOpenTimes_IsSaidPlainly_WithTheWayToAskForACallBack()
    {
        await Page.GotoAsync("/book");

        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "No open times in this range." })).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-start]")).ToHaveCountAsync(0);
        var link = Page.GetByRole(AriaRole.Link, new() { Name = "Fill in your details and ask for a call back" });
        await Expect(link).ToBeVisibleAsync();
        await ScreenshotAsync("no-times");
        await AssertAccessibleAsync("booking page, no open times");

        await link.ClickAsync();
        await Expect(Field("Name")).ToBeFocusedAsync();
        await FillDetailsAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ask for a call back" }).ClickAsync();
        await Expect(Done(Page, "Your request for a call back is in")).ToBeVisibleAsync();
        Assert.That((await StoredAsync()).Single().SlotStart, Is.Null);
    }
}
