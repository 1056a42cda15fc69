using System.Text.RegularExpressions;
using Intake.Domain.Consultations;
using Intake.Domain.Consultations.ManageLinks;
using Intake.Domain.Messages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace Intake.Tests.Browser;

/// <summary>
/// Each of the console's actions on a request through its own dialog, as Ada uses them: what is stored after it and
/// what it queued for the prospect; a refusal shown with its rule's words.
/// </summary>
public sealed class ConsoleActionTests : ConsoleBrowserTests
{
    private const string WednesdayOne = "Wednesday, March 10, 2027, 1:00 PM Eastern Time";
    private const string WednesdayOneFifteen = "Wednesday, March 10, 2027, 1:15 PM Eastern Time";

    [Test]
    public async Task ConfirmWithATime_ACallback_AtAnOpenTimeChosenInTheDialog_IsConfirmedAndTheProspectTold()
    {
        await AskForCallbackAsync();
        var console = await SignInAsync();
        await OpenRequestAsync(console);
        await console.GetByRole(AriaRole.Button, new() { Name = "Confirm with a time…" }).ClickAsync();
        var dialog = console.GetByRole(AriaRole.Dialog, new() { Name = "Give the call a time" });
        await Time(console, WednesdayNineFifteen).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Chosen: {WednesdayNineFifteen}" })).ToBeVisibleAsync();
        await AssertAccessibleAsync("console request, confirm-with-a-time dialog, a time chosen", console);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Use this time" }).ClickAsync();

        await Expect(Said(console, "Confirmed. The prospect is told.")).ToBeVisibleAsync();
        await Expect(console.GetByRole(AriaRole.Definition).Filter(new() { HasTextRegex = new Regex("^Wednesday 10 March 2027, 9:15 AM EST$") })).ToBeVisibleAsync();
        var stored = (await StoredAsync()).Single();
        Assert.That((stored.Status, stored.SlotStart, stored.TherapistId),
            Is.EqualTo((ConsultationStatus.Confirmed, (Instant?)WednesdayNineUtc.Plus(Duration.FromMinutes(15)), "t1")));
        Assert.That(stored.Holds.Min(h => h.Minute), Is.EqualTo(MinuteOf(WednesdayNineUtc.Plus(Duration.FromMinutes(15)))), "the time is held");
        Assert.That((await QueuedAsync(stored.Id)).Values, Has.One.EqualTo(MessageKind.Confirmed));
        await AssertAccessibleAsync("console request, confirmed at a chosen time", console);
    }

    [Test]
    public async Task Reschedule_AConfirmedCall_MovesItAndTheProspectIsTold()
    {
        var console = await ConfirmedAsync();
        await console.GetByRole(AriaRole.Button, new() { Name = "Move to another time…" }).ClickAsync();
        var dialog = console.GetByRole(AriaRole.Dialog, new() { Name = "Move the call to another time" });
        await Expect(Time(console, WednesdayNineFifteen)).ToBeVisibleAsync();
        await Expect(Time(console, WednesdayNine)).ToHaveCountAsync(0);
        await Time(console, WednesdayOne).ClickAsync();
        await AssertAccessibleAsync("console request, reschedule dialog, a time chosen", console);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Use this time" }).ClickAsync();

        await Expect(Said(console, "Moved. The prospect is told.")).ToBeVisibleAsync();
        var stored = (await StoredAsync()).Single();
        var one = WednesdayNineUtc.Plus(Duration.FromHours(4));
        Assert.That((stored.Status, stored.SlotStart), Is.EqualTo((ConsultationStatus.Confirmed, (Instant?)one)));
        Assert.That(stored.Holds.Select(h => h.Minute).Order(), Is.EqualTo(Enumerable.Range(0, 15).Select(m => MinuteOf(one) + m)),
            "the new time is held, the old one freed");
        Assert.That((await QueuedAsync(stored.Id)).Values, Has.One.EqualTo(MessageKind.Rescheduled));
        await AssertAccessibleAsync("console request, rescheduled", console);
    }

    [Test]
    public async Task Cancel_KeptAtItsConfirmationStep_ChangesNothing_AndTheSecondClickCancels()
    {
        var console = await ConfirmedAsync();
        var id = (await StoredAsync()).Single().Id;
        var before = await QueuedAsync(id);
        var open = console.GetByRole(AriaRole.Button, new() { Name = "Cancel the call…" });
        var dialog = console.GetByRole(AriaRole.Dialog, new() { Name = "Cancel this call?" });

        await open.ClickAsync();
        await Expect(dialog).ToHaveAccessibleDescriptionAsync(new Regex("^The prospect is told"));
        await AssertAccessibleAsync("console request, cancel dialog", console);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Keep it as it is" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        Assert.That((await StoredAsync()).Single().Status, Is.EqualTo(ConsultationStatus.Confirmed));
        Assert.That(await QueuedAsync(id), Is.EquivalentTo(before), "keeping it queued and withdrew nothing");

        await open.ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel the call" }).ClickAsync();

        await Expect(Said(console, "Cancelled. The prospect is told.")).ToBeVisibleAsync();
        await Expect(console.GetByText("Cancelled by the therapist", new() { Exact = true })).ToBeVisibleAsync();
        var stored = (await StoredAsync()).Single();
        Assert.That((stored.Status, stored.CancelledBy), Is.EqualTo((ConsultationStatus.Cancelled, (CancelledBy?)CancelledBy.Therapist)));
        Assert.That(stored.Holds, Is.Empty, "the time is freed");
        var after = await QueuedAsync(id);
        Assert.That(after.Values, Has.One.EqualTo(MessageKind.Cancelled).And.No.EqualTo(MessageKind.Reminder));
        await AssertAccessibleAsync("console request, cancelled", console);
    }

    [TestCase("The call took place…", "Record that the call took place?", "Yes, it took place", "Recorded: the call took place.", ConsultationStatus.Completed)]
    [TestCase("They did not take the call…", "Record a no-show?", "Yes, record a no-show", "Recorded: a no-show.", ConsultationStatus.NoShow)]
    public async Task RecordTheOutcome_OnceTheCallHasStarted_ClosesItAndWithdrawsItsReminders(
        string open, string heading, string send, string done, ConsultationStatus outcome)
    {
        var console = await ConfirmedAsync();
        var id = (await StoredAsync()).Single().Id;
        await Expect(console.GetByRole(AriaRole.Button, new() { Name = open })).ToHaveCountAsync(0);
        var before = await QueuedAsync(id);
        Assert.That(before.Values, Has.Member(MessageKind.Reminder), "the confirmed call has a reminder to withdraw");

        Clock.Reset(WednesdayNineUtc.Plus(Duration.FromMinutes(10)));
        await console.ReloadAsync();
        await console.GetByRole(AriaRole.Button, new() { Name = open }).ClickAsync();
        var dialog = console.GetByRole(AriaRole.Dialog, new() { Name = heading });
        await Expect(dialog).ToHaveAccessibleDescriptionAsync("This closes the request and cannot be undone.");
        await AssertAccessibleAsync($"console request, {outcome} dialog", console);
        await dialog.GetByRole(AriaRole.Button, new() { Name = send }).ClickAsync();

        await Expect(Said(console, done)).ToBeVisibleAsync();
        await Expect(console.GetByText("Nothing more can be done with this request.")).ToBeVisibleAsync();
        Assert.That((await StoredAsync()).Single().Status, Is.EqualTo(outcome));
        var after = await QueuedAsync(id);
        Assert.That(after.Values, Has.No.Member(MessageKind.Reminder), "no reminder for a call that is over");
        Assert.That(after.Keys, Is.SubsetOf(before.Keys), "nothing new is sent to the prospect");
        await AssertAccessibleAsync($"console request, {outcome}", console);
    }

    [Test]
    public async Task Confirm_AfterTheProspectCancelledInAnotherBrowser_ShowsTheRuleAndChangesNothing()
    {
        await BookAsync();
        var console = await SignInAsync();
        await OpenRequestAsync(console);
        var id = (await StoredAsync()).Single().Id;
        var token = Api.Services.GetRequiredService<ManageLinks>().TokenFor(id, Clock.GetCurrentInstant() + Duration.FromDays(30));
        await using (var cancelled = await Page.APIRequest.PostAsync($"/api/manage/{token}/cancel"))
            Assert.That(cancelled.Status, Is.EqualTo(200), "the prospect cancels in their own browser");
        var before = await QueuedAsync(id);

        var answer = await console.RunAndWaitForResponseAsync(
            () => console.GetByRole(AriaRole.Button, new() { Name = "Confirm this time" }).ClickAsync(),
            response => response.Request.Method == "POST");

        Assert.That(answer.Status, Is.EqualTo(409));
        var problem = console.GetByRole(AriaRole.Alert);
        await Expect(problem).ToContainTextAsync("That was not done");
        await Expect(problem).ToContainTextAsync("A Cancelled request cannot be confirmed.");
        await Expect(console.GetByText("Cancelled by the prospect", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(console.GetByRole(AriaRole.Button, new() { Name = "Confirm this time" })).ToHaveCountAsync(0);
        await AssertAccessibleAsync("console request, confirm refused: cancelled meanwhile", console);
        Assert.That((await StoredAsync()).Single().Status, Is.EqualTo(ConsultationStatus.Cancelled));
        Assert.That(await QueuedAsync(id), Is.EquivalentTo(before), "nothing was queued by the refused confirm");
    }

    [Test]
    public async Task ProposedTimes_OneAcceptedFromTheManageLink_ShowConfirmedInTheConsole_AndOnlyTheOtherStaysOpen()
    {
        await AskForCallbackAsync();
        var console = await SignInAsync();
        await OpenRequestAsync(console);
        await console.GetByRole(AriaRole.Button, new() { Name = "Offer other times…" }).ClickAsync();
        var dialog = console.GetByRole(AriaRole.Dialog, new() { Name = "Offer one to five of your open times" });
        foreach (var time in new[] { WednesdayOne, WednesdayOneFifteen })
        {
            await Time(console, time).ClickAsync();
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Add this time" }).ClickAsync();
        }

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Offer these times" }).ClickAsync();
        await Expect(Said(console, "The times are offered.")).ToBeVisibleAsync();
        // An offer holds nothing (README: it lapses when the last time "can no longer be taken"): both stay bookable.
        await OpenAsync();
        await Expect(Time(WednesdayOne)).ToBeVisibleAsync();

        // 07:00 in New York is inside the quiet hours (until 08:00): the offer goes out when they end.
        Clock.Advance(Duration.FromHours(1));
        var offer = (await DispatchToOutboxAsync())
            .Single(file => file.StartsWith("To: sam.rivera@example.com", StringComparison.Ordinal)
                && file.Contains("Subject: Times for your consultation", StringComparison.Ordinal));
        await Page.GotoAsync(new Uri(Regex.Match(offer, @"\S+/manage/\S+").Value).PathAndQuery);
        await Page.GetByRole(AriaRole.Radio, new() { Name = WednesdayOne }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Accept this time" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Your call is confirmed", Level = 2 })).ToBeVisibleAsync();

        await console.ReloadAsync();
        await Expect(console.GetByRole(AriaRole.Button, new() { Name = "Move to another time…" })).ToBeVisibleAsync();
        await Expect(console.GetByRole(AriaRole.Definition).Filter(new() { HasTextRegex = new Regex("^Wednesday 10 March 2027, 1:00 PM EST$") })).ToBeVisibleAsync();
        await Expect(console.GetByRole(AriaRole.Cell, new() { Name = "Accepted an offered time" })).ToBeVisibleAsync();
        await Expect(console.GetByText("Times offered", new() { Exact = true })).ToHaveCountAsync(0);
        await AssertAccessibleAsync("console request, confirmed by the prospect's acceptance", console);
        var stored = (await StoredAsync()).Single();
        Assert.That((stored.Status, stored.SlotStart), Is.EqualTo((ConsultationStatus.Confirmed, (Instant?)WednesdayNineUtc.Plus(Duration.FromHours(4)))));

        await OpenAsync();
        await Expect(Time(WednesdayOneFifteen)).ToBeVisibleAsync();
        await Expect(Time(WednesdayOne)).ToHaveCountAsync(0);
    }

    private static long MinuteOf(Instant instant) => instant.ToUnixTimeSeconds() / 60;
}
