using System.Text.RegularExpressions;
using Intake.Domain.Consultations;
using Intake.Domain.Messages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Intake.Tests.Browser;

/// <summary>What the manage page shows for each status, and each change it offers: cancel, reschedule, accept.</summary>
public sealed class ManagePageTests : ManageBrowserTests
{
    [Test]
    public async Task PendingRequest_ShowsItsStatusAndTime_InTheProspectsZoneNotTheBrowsers()
    {
        var (_, token) = await HoldAsync(MondayNine, timeZone: "America/Los_Angeles");

        await Page.GotoAsync($"/manage/{token}");

        await Expect(StatusHeading("Your time is held for you")).ToBeVisibleAsync();
        await Expect(Page.GetByText("The therapist has not confirmed it yet.")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Monday, March 15, 2027, 6:00 AM Pacific Time").First).ToBeVisibleAsync();
        await Expect(Page.GetByText("Times on this page are in Pacific Time (Los Angeles).")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Cancel this request" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Choose another time" })).ToHaveCountAsync(0);
        await ScreenshotAsync("pending");
        await AssertAccessibleAsync("manage page, pending");
    }

    [Test]
    public async Task Cancel_AfterConfirming_ShowsCancelled()
    {
        var (id, token) = await HoldAsync(MondayNine);
        await Page.GotoAsync($"/manage/{token}");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Cancel this request" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog, new() { Name = "Cancel this request?" });
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.GetByText("Monday, March 15, 2027, 9:00 AM Eastern Time")).ToBeVisibleAsync();
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "No, keep it" })).ToBeFocusedAsync();
        Assert.That((await StoredAsync(id)).Status, Is.EqualTo(ConsultationStatus.Pending), "nothing is cancelled before the prospect confirms");
        await ScreenshotAsync("cancel-confirmation");
        await AssertAccessibleAsync("manage page, cancel confirmation step");

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel it" }).ClickAsync();

        await Expect(StatusHeading("This request is cancelled")).ToBeFocusedAsync();
        await Expect(Announced("Your request is cancelled.")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Cancel this request" })).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Book another time" })).ToHaveAttributeAsync("href", "/book");
        var stored = await StoredAsync(id);
        Assert.That(stored.Status, Is.EqualTo(ConsultationStatus.Cancelled));
        Assert.That(stored.CancelledBy, Is.EqualTo(CancelledBy.Prospect));
        Assert.That(stored.Holds, Is.Empty, "the time is freed");
        await ScreenshotAsync("after-cancel");
        await AssertAccessibleAsync("manage page, after cancel");
    }

    [Test]
    public async Task Cancel_KeptAtTheConfirmationStep_SendsNothing()
    {
        var (id, token) = await HoldAsync(MondayNine);
        await Page.GotoAsync($"/manage/{token}");
        var cancel = Page.GetByRole(AriaRole.Button, new() { Name = "Cancel this request" });

        await cancel.ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "No, keep it" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(cancel).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByRole(AriaRole.Dialog, new() { Name = "Cancel this request?" })).ToBeVisibleAsync();
        await Page.Keyboard.PressAsync("Escape");

        await Expect(Page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(StatusHeading("Your time is held for you")).ToBeVisibleAsync();
        Assert.That(RequestsTo("/cancel"), Is.Zero, "no cancel was sent");
        Assert.That((await StoredAsync(id)).Status, Is.EqualTo(ConsultationStatus.Pending));
    }

    [Test]
    public async Task Reschedule_AConfirmedCall_MovesItToTheTimeChosenInThePicker()
    {
        var (id, _) = await HoldAsync(MondayNine);
        await AdaAsync(id, "confirm");
        var token = await TokenInAsync(id, MessageKind.Confirmed);
        await Page.GotoAsync($"/manage/{token}");
        await Expect(StatusHeading("Your call is confirmed")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Monday, March 15, 2027, 9:00 AM Eastern Time").First).ToBeVisibleAsync();
        await ScreenshotAsync("confirmed");
        await AssertAccessibleAsync("manage page, confirmed");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Choose another time" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Tuesday, March 16, 2027, \\d+ open times$") }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Tuesday, March 16, 2027, 10:00 AM Eastern Time" }).ClickAsync();
        var question = Page.GetByText("Move your call to Tuesday, March 16, 2027, 10:00 AM Eastern Time?");
        await Expect(question).ToBeFocusedAsync();
        Assert.That((await StoredAsync(id)).SlotStart, Is.EqualTo(Parse(MondayNine)), "nothing moves before the prospect says yes");
        await ScreenshotAsync("reschedule-picker");
        await AssertAccessibleAsync("manage page, reschedule picker");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, move my call" }).ClickAsync();

        await Expect(StatusHeading("Your call is confirmed")).ToBeFocusedAsync();
        await Expect(Announced("Your call is moved to Tuesday, March 16, 2027, 10:00 AM Eastern Time.")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Main).GetByText("Tuesday, March 16, 2027, 10:00 AM Eastern Time", new() { Exact = true }).Filter(new() { Visible = true })).ToBeVisibleAsync();
        var stored = await StoredAsync(id);
        Assert.That(stored.Status, Is.EqualTo(ConsultationStatus.Confirmed));
        Assert.That(stored.SlotStart, Is.EqualTo(Parse(TuesdayTen)));
        await ScreenshotAsync("after-reschedule");
        await AssertAccessibleAsync("manage page, after reschedule");
    }

    [Test]
    public async Task Reschedule_ToATimeTakenMeanwhile_SaysSoAndShowsFreshTimes()
    {
        var (id, _) = await HoldAsync(MondayNine);
        await AdaAsync(id, "confirm");
        var token = await TokenInAsync(id, MessageKind.Confirmed);
        await Page.GotoAsync($"/manage/{token}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Choose another time" }).ClickAsync();
        var tuesday = Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Tuesday, March 16, 2027, \\d+ open times$") });
        await tuesday.ClickAsync();
        var tenOClock = Page.GetByRole(AriaRole.Button, new() { Name = "Tuesday, March 16, 2027, 10:00 AM Eastern Time" });
        await tenOClock.ClickAsync();

        await HoldAsync(TuesdayTen); // someone else books it while the prospect reads the question
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, move my call" }).ClickAsync();

        var explained = Announced("That time was just taken or is no longer open.");
        await Expect(explained).ToBeFocusedAsync();
        await tuesday.ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Tuesday, March 16, 2027, 9:45 AM Eastern Time" })).ToBeVisibleAsync();
        await Expect(tenOClock).ToHaveCountAsync(0);
        Assert.That((await StoredAsync(id)).SlotStart, Is.EqualTo(Parse(MondayNine)));
        await Expect(Page.GetByRole(AriaRole.Main).GetByText("Monday, March 15, 2027, 9:00 AM Eastern Time", new() { Exact = true }).Filter(new() { Visible = true })).ToBeVisibleAsync();
        await ScreenshotAsync("time-taken");
        await AssertAccessibleAsync("manage page, reschedule refused: time taken");
    }

    [Test]
    public async Task Accept_AProposedTime_ConfirmsTheCallAtThatTime()
    {
        var (id, _) = await HoldAsync(MondayNine);
        await AdaAsync(id, "propose", new { slotStarts = new[] { TuesdayNine, TuesdayTen } });
        var token = await TokenInAsync(id, MessageKind.AlternativesProposed);
        await Page.GotoAsync($"/manage/{token}");
        await Expect(StatusHeading("The therapist offered other times")).ToBeVisibleAsync();
        var offered = Page.GetByRole(AriaRole.Group, new() { Name = "Times the therapist offered" });
        await Expect(offered.GetByRole(AriaRole.Radio)).ToHaveCountAsync(2);
        await Expect(offered.GetByRole(AriaRole.Radio, new() { Name = "Tuesday, March 16, 2027, 9:00 AM Eastern Time" })).ToBeVisibleAsync();
        await ScreenshotAsync("proposed-times");
        await AssertAccessibleAsync("manage page, proposed times");

        await offered.GetByRole(AriaRole.Radio, new() { Name = "Tuesday, March 16, 2027, 10:00 AM Eastern Time" }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Accept this time" }).ClickAsync();

        await Expect(StatusHeading("Your call is confirmed")).ToBeFocusedAsync();
        await Expect(Announced("Your call is confirmed for Tuesday, March 16, 2027, 10:00 AM Eastern Time.")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Radio)).ToHaveCountAsync(0);
        var stored = await StoredAsync(id);
        Assert.That(stored.Status, Is.EqualTo(ConsultationStatus.Confirmed));
        Assert.That(stored.SlotStart, Is.EqualTo(Parse(TuesdayTen)));
        await AssertAccessibleAsync("manage page, after accepting");
    }

    [Test]
    public async Task Accept_WithoutChoosingATime_SaysSoAndSendsNothing()
    {
        var (id, _) = await HoldAsync(MondayNine);
        await AdaAsync(id, "propose", new { slotStarts = new[] { TuesdayNine, TuesdayTen } });
        var token = await TokenInAsync(id, MessageKind.AlternativesProposed);
        await Page.GotoAsync($"/manage/{token}");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Accept this time" }).ClickAsync();

        await Expect(Announced("Choose one of the times first.")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Radio, new() { Name = "Tuesday, March 16, 2027, 9:00 AM Eastern Time" })).ToBeFocusedAsync();
        Assert.That(RequestsTo("/accept"), Is.Zero);
        Assert.That((await StoredAsync(id)).Status, Is.EqualTo(ConsultationStatus.Requested));
    }

    [Test]
    public async Task Cancel_AfterTheTherapistDeclinedMeanwhile_ExplainsTheRuleAndShowsDeclined()
    {
        var (id, token) = await HoldAsync(MondayNine);
        await Page.GotoAsync($"/manage/{token}");
        await Expect(StatusHeading("Your time is held for you")).ToBeVisibleAsync();
        await AdaAsync(id, "decline", new { note = (string?)null });

        await Page.GetByRole(AriaRole.Button, new() { Name = "Cancel this request" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel it" }).ClickAsync();

        await Expect(Announced("This request is already closed, so it can no longer be changed.")).ToBeFocusedAsync();
        await Expect(StatusHeading("The therapist could not take this request")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Cancel this request" })).ToHaveCountAsync(0);
        Assert.That((await StoredAsync(id)).Status, Is.EqualTo(ConsultationStatus.Declined));
        await ScreenshotAsync("refused-declined");
        await AssertAccessibleAsync("manage page, cancel refused: declined meanwhile");
    }

    [Test]
    public async Task Cancel_WhenTheNetworkFails_SaysSoAndTheRequestStands()
    {
        var (id, token) = await HoldAsync(MondayNine);
        await Page.GotoAsync($"/manage/{token}");
        await Page.RouteAsync("**/cancel", route => route.AbortAsync("internetdisconnected"));

        await Page.GetByRole(AriaRole.Button, new() { Name = "Cancel this request" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel it" }).ClickAsync();

        await Expect(Announced("The change could not be sent. Check your connection and try again.")).ToBeFocusedAsync();
        await Expect(StatusHeading("Your time is held for you")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Cancel this request" })).ToBeVisibleAsync();
        Assert.That((await StoredAsync(id)).Status, Is.EqualTo(ConsultationStatus.Pending));
        await ScreenshotAsync("network-failure");
        await AssertAccessibleAsync("manage page, network failure");
    }
}
