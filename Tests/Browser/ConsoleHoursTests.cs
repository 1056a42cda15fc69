using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Intake.Tests.Browser;

/// <summary>The hours page: the week grid, a date that differs, the preview, and the booking page following them.</summary>
public sealed class ConsoleHoursTests : ConsoleBrowserTests
{
    [Test]
    public async Task ADayOff_OnADate_LeavesTheBookingPage_AndTheWeekGridAddsAWindow()
    {
        var console = await SignInAsync();
        await console.GetByRole(AriaRole.Link, new() { Name = "Hours" }).ClickAsync();
        await Expect(console.GetByRole(AriaRole.Heading, new() { Name = "Your hours", Level = 1 })).ToBeVisibleAsync();
        var preview = console.GetByRole(AriaRole.Region, new() { Name = "What the booking page offers in the next two weeks" });
        await Expect(preview.GetByRole(AriaRole.Listitem).First)
            .ToHaveTextAsync("Wednesday 10 March 2027: 28 open times: 9:00 AM–12:00 PM, 1:00 PM–5:00 PM");
        await ScreenshotAsync("hours", console);
        await AssertAccessibleAsync("console hours", console);

        await console.GetByLabel("Date", new() { Exact = true }).FillAsync("2027-03-10");
        await console.GetByLabel("A day off").CheckAsync();
        await console.GetByRole(AriaRole.Button, new() { Name = "Save this date" }).ClickAsync();
        await Expect(console.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved. The booking page shows the change at once.");
        await Expect(preview.GetByRole(AriaRole.Listitem).First).ToHaveTextAsync("Wednesday 10 March 2027: No open time");
        await Expect(console.GetByRole(AriaRole.Button, new() { Name = "Remove Wednesday 10 March 2027" })).ToBeVisibleAsync();

        await Page.GotoAsync("/book");
        await Expect(Time("Thursday, March 11, 2027, 9:00 AM Eastern Time")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Wednesday, March 10, 2027") })).ToHaveCountAsync(0);

        await console.GetByLabel("Friday, window 2, from").FillAsync("13:00");
        await console.GetByLabel("Friday, window 2, to").FillAsync("15:00");
        await console.GetByRole(AriaRole.Button, new() { Name = "Save the weekly hours" }).ClickAsync();
        await Expect(console.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await Expect(preview.GetByText(new Regex("^Friday 12 March 2027: .*1:00 PM–3:00 PM$"))).ToBeVisibleAsync();
    }

    [Test]
    public async Task AWindowThatEndsBeforeItStarts_IsShownAtItsDay_AndNothingIsSaved()
    {
        var console = await SignInAsync();
        await console.GotoAsync("/console/hours");
        await console.GetByLabel("Monday, window 1, from").FillAsync("12:00");
        await console.GetByLabel("Monday, window 1, to").FillAsync("09:00");
        await console.GetByRole(AriaRole.Button, new() { Name = "Save the weekly hours" }).ClickAsync();

        await Expect(console.GetByRole(AriaRole.Alert)).ToContainTextAsync("That was not saved");
        await Expect(console.GetByLabel("Monday, window 1, from")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(console.GetByLabel("Monday, window 1, from")).ToHaveAccessibleDescriptionAsync(new Regex("Monday"));
        await Expect(console.GetByLabel("Monday, window 1, from")).ToHaveValueAsync("12:00");
        await Expect(console.GetByLabel("Monday, window 1, to")).ToHaveValueAsync("09:00");
        await AssertAccessibleAsync("console hours, a problem", console);
        await ScreenshotAsync("hours-problem", console);

        await using var db = Database.Open();
        var stored = db.Therapists.Single(t => t.Id == "t1");
        Assert.That(stored.WeeklyHours, Does.Contain("09:00-12:00"), "the weekly hours are as they were");
    }
}
