using System.Text.RegularExpressions;
using Intake.Domain.Consultations;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Intake.Tests.Browser;

/// <summary>The console's sign-in, inbox and a request's page, as Ada uses them.</summary>
public sealed class ConsolePageTests : ConsoleBrowserTests
{
    private const string AdaWednesdayNine = "Wednesday 10 March 2027, 9:00 AM EST";

    [Test]
    public async Task ABooking_AppearsInNeedsAction_WithoutReload_AndOneClickConfirmsIt()
    {
        var console = await SignInAsync();
        await Expect(console.GetByText("Nothing needs you now.")).ToBeVisibleAsync();
        await ScreenshotAsync("inbox-empty", console);
        await AssertAccessibleAsync("console inbox, empty", console);

        await BookAsync();

        var needsAction = console.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^Needs action") });
        await Expect(needsAction.GetByRole(AriaRole.Link, new() { Name = "Sam Rivera" })).ToBeVisibleAsync();
        await Expect(console).ToHaveTitleAsync(new Regex(@"^\(1\) Requests"));
        await Expect(console.GetByRole(AriaRole.Link, new() { Name = "Requests (1 needing action)" })).ToBeVisibleAsync();
        await Expect(console.GetByRole(AriaRole.Status).Filter(new() { HasText = "The list of requests has changed." })).ToHaveCountAsync(1);
        await Expect(needsAction.GetByText(AdaWednesdayNine, new() { Exact = true })).ToBeVisibleAsync();
        await ScreenshotAsync("inbox", console);
        await AssertAccessibleAsync("console inbox, a request needing action", console);

        await needsAction.GetByRole(AriaRole.Link, new() { Name = "Sam Rivera" }).ClickAsync();
        await Expect(console.GetByRole(AriaRole.Heading, new() { Name = "Sam Rivera", Level = 1 })).ToBeVisibleAsync();
        await Expect(console.GetByText("+1 212-555-0199")).ToBeVisibleAsync();
        await Expect(console.GetByText("Asked for a time (held)")).ToBeVisibleAsync();
        await ScreenshotAsync("request", console);
        await AssertAccessibleAsync("console request, pending", console);

        await console.GetByRole(AriaRole.Button, new() { Name = "Confirm this time" }).ClickAsync();
        await Expect(console.GetByRole(AriaRole.Status).Filter(new() { HasText = "Confirmed. The prospect is told." })).ToBeVisibleAsync();
        var stored = (await StoredAsync()).Single();
        Assert.That(stored.Status, Is.EqualTo(ConsultationStatus.Confirmed));
        await Expect(console.GetByRole(AriaRole.Cell, new() { Name = "You", Exact = true })).ToBeVisibleAsync();
        await AssertAccessibleAsync("console request, confirmed", console);

        // 07:00 in New York is inside the quiet hours (until 08:00): the confirmation waits for them to end.
        Clock.Advance(NodaTime.Duration.FromHours(1));
        var sent = await DispatchToOutboxAsync();
        var toSam = sent.Where(file => file.StartsWith("To: sam.rivera@example.com", StringComparison.Ordinal)).ToList();
        Assert.That(toSam.Select(file => file.Split('\n').First(line => line.StartsWith("Subject:", StringComparison.Ordinal))),
            Has.Some.Contains("confirmed"), "the confirmation reached the prospect");

        var cookies = await console.Context.CookiesAsync();
        var session = cookies.Single(c => c.Name == "intake.console");
        Assert.That(session.HttpOnly, Is.True);
        Assert.That(session.SameSite, Is.EqualTo(SameSiteAttribute.Lax));
        Assert.That(session.Expires, Is.EqualTo(-1), "a session cookie: gone with the browser");
    }

    [Test]
    public async Task Decline_WithANote_FromItsDialog()
    {
        await BookAsync();
        var console = await SignInAsync();
        await console.GetByRole(AriaRole.Link, new() { Name = "Sam Rivera" }).ClickAsync();
        await console.GetByRole(AriaRole.Button, new() { Name = "Decline…" }).ClickAsync();
        var dialog = console.GetByRole(AriaRole.Dialog, new() { Name = "Decline this request" });
        await Expect(dialog).ToBeVisibleAsync();
        await AssertAccessibleAsync("console request, decline dialog", console);
        await ScreenshotAsync("decline-dialog", console);
        await dialog.GetByLabel(new Regex("^A short note")).FillAsync("My week is full; try Dr. Okafor.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Decline the request" }).ClickAsync();

        await Expect(console.GetByRole(AriaRole.Status).Filter(new() { HasText = "Declined. The prospect is told." })).ToBeVisibleAsync();
        var stored = (await StoredAsync()).Single();
        Assert.That(stored.Status, Is.EqualTo(ConsultationStatus.Declined));
        Assert.That(stored.DeclineNote, Is.EqualTo("My week is full; try Dr. Okafor."));
        await Expect(console.GetByRole(AriaRole.Button, new() { Name = "Decline…" })).ToHaveCountAsync(0);
    }

    [Test]
    public async Task Confirm_WithTheKeyboardAlone_FromTheInbox_WithFocusAlwaysVisible()
    {
        await BookAsync();
        var console = await SignInAsync();

        await TabToAsync(console, "Sam Rivera");
        Assert.That(await console.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"), Is.Not.EqualTo("none"),
            "the focused link shows its focus");
        await console.Keyboard.PressAsync("Enter");
        await Expect(console.GetByRole(AriaRole.Heading, new() { Name = "Sam Rivera", Level = 1 })).ToBeVisibleAsync();
        await TabToAsync(console, "Confirm this time");
        Assert.That(await console.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"), Is.Not.EqualTo("none"),
            "the focused button shows its focus");
        await console.Keyboard.PressAsync("Enter");

        await Expect(console.GetByRole(AriaRole.Status).Filter(new() { HasText = "Confirmed. The prospect is told." })).ToBeVisibleAsync();
        Assert.That((await StoredAsync()).Single().Status, Is.EqualTo(ConsultationStatus.Confirmed));
    }

    [Test]
    public async Task Propose_TwoTimes_ToACallback_WithTheKeyboard()
    {
        await AskForCallbackAsync();
        var console = await SignInAsync();
        await console.GetByRole(AriaRole.Link, new() { Name = "Sam Rivera" }).ClickAsync();
        await console.GetByRole(AriaRole.Button, new() { Name = "Offer other times…" }).FocusAsync();
        await console.Keyboard.PressAsync("Enter");
        var dialog = console.GetByRole(AriaRole.Dialog, new() { Name = "Offer one to five of your open times" });
        await Expect(Time(console, WednesdayNine)).ToBeVisibleAsync();
        foreach (var time in new[] { WednesdayNine, WednesdayNineFifteen })
        {
            await Time(console, time).FocusAsync();
            await console.Keyboard.PressAsync("Enter");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Add this time" }).FocusAsync();
            await console.Keyboard.PressAsync("Enter");
        }

        await Expect(dialog.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Remove ") })).ToHaveCountAsync(2);
        await ScreenshotAsync("propose-dialog", console);
        await AssertAccessibleAsync("console request, propose dialog with two times", console);
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Offer these times" })).ToBeFocusedAsync();
        await console.Keyboard.PressAsync("Enter");

        await Expect(console.GetByRole(AriaRole.Status).Filter(new() { HasText = "The times are offered." })).ToBeVisibleAsync();
        var stored = (await StoredAsync()).Single();
        Assert.That(stored.ProposedSlots.Select(s => s.Start), Is.EqualTo(new[] { WednesdayNineUtc, WednesdayNineUtc.Plus(NodaTime.Duration.FromMinutes(15)) }));
    }

    [Test]
    public async Task TheConsole_WithoutASignIn_SendsToTheSignInPage_AndSignOutEndsTheSession()
    {
        var visitor = await (await NewContextAsync()).NewPageAsync();
        await visitor.GotoAsync("/console");
        await Expect(visitor).ToHaveURLAsync(new Regex("/console/login\\?ReturnUrl=%2Fconsole$"));
        await AssertAccessibleAsync("console sign-in", visitor);
        await ScreenshotAsync("sign-in", visitor);

        var console = await SignInAsync();
        await console.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(console.GetByText("You are signed out.")).ToBeVisibleAsync();
        await console.GotoAsync("/console");
        await Expect(console).ToHaveURLAsync(new Regex("/console/login"));
    }

    [Test]
    public async Task WrongPasswords_LockTheAccount_AfterTheConfiguredFailures()
    {
        var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/console/login");
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await page.GetByLabel("Email").FillAsync(AdaEmail);
            await page.GetByLabel("Password").FillAsync("not-the-password");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(new Regex(attempt < 3
                ? "^That email and password do not match an account\\.$"
                : "^Too many failed sign-ins: this account is locked for 15 minutes"));
        }

        await AssertAccessibleAsync("console sign-in, locked out", page);
        await page.GetByLabel("Email").FillAsync(AdaEmail);
        await page.GetByLabel("Password").FillAsync(Support.TherapistAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(new Regex("^Too many failed sign-ins"));
    }
}

/// <summary>What keeps one therapist out of another's requests, and another site's page out of a signed-in browser.</summary>
public sealed class ConsoleGuardTests : ConsoleBrowserTests
{
    [Test]
    public async Task APost_WithoutTheAntiforgeryToken_IsRefused_AndChangesNothing()
    {
        await BookAsync();
        var id = (await StoredAsync()).Single().Id.Value;
        var console = await SignInAsync();

        await using (var page = await console.APIRequest.PostAsync($"/console/requests/{id}?handler=confirm"))
            Assert.That(page.Status, Is.EqualTo(400), "the page's own form post without its token");
        await using (var api = await console.APIRequest.PostAsync($"/api/therapist/consultations/{id}/confirm"))
        {
            Assert.That(api.Status, Is.EqualTo(400), "the JSON endpoint, reached with the sign-in cookie and no token");
            Assert.That(await api.TextAsync(), Does.Contain("anti-forgery token"));
        }

        Assert.That((await StoredAsync()).Single().Status, Is.EqualTo(ConsultationStatus.Pending));
    }

    [Test]
    public async Task AnotherTherapist_CannotOpen_OrActOn_TheRequest()
    {
        await Support.TherapistAccounts.AddTherapistAsync(Database, Support.TherapistAccounts.London());
        await Support.TherapistAccounts.CreateAccountAsync(Api, "t2", "ben@calmharbor.example");
        await BookAsync();
        var id = (await StoredAsync()).Single().Id.Value;

        var ben = await SignInAsync("ben@calmharbor.example");
        await Expect(ben.GetByRole(AriaRole.Link, new() { Name = "Sam Rivera" })).ToHaveCountAsync(0);
        var opened = await ben.GotoAsync($"/console/requests/{id}");
        Assert.That(opened!.Status, Is.EqualTo(404));

        // Ben's own valid token, on Ada's request's form post: still not his.
        await ben.GotoAsync("/console");
        var token = await ben.Locator("input[name=__RequestVerificationToken]").First.InputValueAsync();
        await using var replay = await ben.APIRequest.PostAsync($"/console/requests/{id}?handler=confirm",
            new() { Form = FormWith(ben, token) });
        Assert.That(replay.Status, Is.EqualTo(404));
        Assert.That((await StoredAsync()).Single().Status, Is.EqualTo(ConsultationStatus.Pending));
    }

    private static IFormData FormWith(IPage page, string token)
    {
        var form = page.Context.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", token);
        return form;
    }
}
