using Intake.Domain.Consultations;
using Intake.Domain.Messages;
using Intake.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Intake.Tests.Browser;

/// <summary>
/// The therapist's console in a real browser: Ada (t1) signs in in her own browser context, while the prospect books
/// in the fixture's page (which stays free of cookies). The open inbox asks again every second here.
/// </summary>
public abstract class ConsoleBrowserTests : BookingBrowserTests
{
    protected const string AdaEmail = "ada@calmharbor.example";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Console:PollSeconds"] = "1",
        ["Console:LockoutFailures"] = "3",
    };

    [SetUp]
    public Task CreateAccount() => TherapistAccounts.CreateAccountAsync(Api, "t1", AdaEmail);

    /// <summary>A browser of the therapist's own, signed in at /console/login, showing the inbox.</summary>
    protected async Task<IPage> SignInAsync(string email = AdaEmail)
    {
        var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/console/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TherapistAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Requests", Level = 1 })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>The prospect books Wednesday 9:00 on /book.</summary>
    protected async Task BookAsync(string name = "Sam Rivera")
    {
        await OpenAsync();
        await Time(WednesdayNine).ClickAsync();
        await FillDetailsAsync(Page, name);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Request this time" }).ClickAsync();
        await Expect(Done(Page, "Your time is held")).ToBeVisibleAsync();
    }

    /// <summary>The prospect asks for a call back, with no time.</summary>
    protected async Task AskForCallbackAsync(string name = "Sam Rivera")
    {
        await OpenAsync();
        await FillDetailsAsync(Page, name);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ask for a call back" }).ClickAsync();
        await Expect(Done(Page, "Your request for a call back is in")).ToBeVisibleAsync();
    }

    /// <summary>Ada's page of the prospect's request, opened from her inbox.</summary>
    protected static async Task OpenRequestAsync(IPage console, string name = "Sam Rivera")
    {
        await console.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Expect(console.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>The page's live region, once it says <paramref name="text"/>.</summary>
    protected static ILocator Said(IPage page, string text) => page.GetByRole(AriaRole.Status).Filter(new() { HasText = text });

    /// <summary>The prospect's held Wednesday 9:00, confirmed by Ada with one click: her page of it, signed in.</summary>
    protected async Task<IPage> ConfirmedAsync()
    {
        await BookAsync();
        var console = await SignInAsync();
        await OpenRequestAsync(console);
        await console.GetByRole(AriaRole.Button, new() { Name = "Confirm this time" }).ClickAsync();
        await Expect(Said(console, "Confirmed. The prospect is told.")).ToBeVisibleAsync();
        return console;
    }

    /// <summary>Every message about the request that is still to go or gone (not withdrawn): its kind, by id.</summary>
    protected async Task<Dictionary<MessageId, MessageKind>> QueuedAsync(ConsultationRequestId id)
    {
        await using var db = Database.Open();
        return await db.Messages.AsNoTracking()
            .Where(m => m.ConsultationRequestId == id && m.Status != MessageStatus.Cancelled)
            .ToDictionaryAsync(m => m.Id, m => m.Kind);
    }
}
