using System.Text.RegularExpressions;
using Intake.Domain.Consultations;
using Intake.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Intake.Tests.Browser;

/// <summary>
/// The practice's administrator in the console: Ben (t2, London) holds the admin claim and reads Ada's (t1) inbox and
/// requests as she sees them, without acting on them; Ada, not an administrator, gets 404 for anyone else's inbox.
/// </summary>
public sealed class ConsoleAdminTests : ConsoleBrowserTests
{
    private const string BenEmail = "ben@calmharbor.example";
    private const string AdaWednesdayNine = "Wednesday 10 March 2027, 9:00 AM EST";

    [SetUp]
    public async Task AddBen()
    {
        await TherapistAccounts.AddTherapistAsync(Database, TherapistAccounts.London());
        await TherapistAccounts.CreateAccountAsync(Api, "t2", BenEmail);
    }

    [Test]
    public async Task Admin_ReadsAnotherTherapistsInbox_AsTheySeeIt_AndItsRequest_WithoutItsActions()
    {
        await TherapistAccounts.MakeAdminAsync(Api, BenEmail);
        var ben = await SignInAsync(BenEmail);
        var choice = ben.GetByLabel("Whose requests");
        await Expect(choice).ToHaveValueAsync("t2");

        // Ada's inbox, chosen with the keyboard and the form's button (a plain GET: no script needed).
        await choice.SelectOptionAsync(new SelectOptionValue { Label = "Ada Reyes" });
        await ben.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(ben).ToHaveURLAsync(new Regex(@"/console\?therapist=t1$"));
        await Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "Requests of Ada Reyes", Level = 1 })).ToBeVisibleAsync();
        await Expect(ben).ToHaveTitleAsync(new Regex("^Requests of Ada Reyes"));

        // A booking for Ada appears in the open page without a reload: the poll keeps asking for Ada's inbox.
        await BookAsync();
        var needsAction = ben.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^Needs action") });
        await Expect(needsAction.GetByRole(AriaRole.Link, new() { Name = "Sam Rivera" })).ToBeVisibleAsync();
        await Expect(needsAction.GetByText(AdaWednesdayNine, new() { Exact = true })).ToBeVisibleAsync();
        await Expect(ben.GetByLabel("Whose requests")).ToHaveValueAsync("t1");
        await Expect(ben.GetByRole(AriaRole.Link, new() { Name = "Requests (1 needing action)" })).ToHaveCountAsync(0);
        var shot = await ScreenshotAsync("admin-inbox-of-ada", ben);
        TestContext.Out.WriteLine($"screenshot: {shot}");
        await AssertAccessibleAsync("console inbox, an administrator reading another therapist's", ben);

        // Every therapist at once: each line says whose it is.
        await ben.GetByLabel("Whose requests").SelectOptionAsync(new SelectOptionValue { Label = "Every therapist" });
        await ben.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "Requests of every therapist", Level = 1 })).ToBeVisibleAsync();
        var line = ben.GetByRole(AriaRole.Article, new() { Name = "Sam Rivera" });
        await Expect(line.GetByText("Therapist: Ada Reyes")).ToBeVisibleAsync();
        await ScreenshotAsync("admin-inbox-every", ben);
        await AssertAccessibleAsync("console inbox, an administrator reading every therapist's", ben);

        // Ben's own inbox, the default, does not hold Ada's request.
        await ben.GotoAsync("/console");
        await Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "Requests", Exact = true, Level = 1 })).ToBeVisibleAsync();
        await Expect(ben.GetByRole(AriaRole.Link, new() { Name = "Sam Rivera" })).ToHaveCountAsync(0);

        // Ada's request: read in full, with its history, and no action offered.
        var id = (await StoredAsync()).Single().Id.Value;
        await ben.GotoAsync("/console?therapist=t1");
        await ben.GetByRole(AriaRole.Link, new() { Name = "Sam Rivera" }).ClickAsync();
        await Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "Sam Rivera", Level = 1 })).ToBeVisibleAsync();
        await Expect(ben.GetByText("+1 212-555-0199")).ToBeVisibleAsync();
        await Expect(ben.GetByText("Asked for a time (held)")).ToBeVisibleAsync();
        await Expect(ben.GetByText("This is Ada Reyes's request: you can read it, but only Ada Reyes acts on it.")).ToBeVisibleAsync();
        var actions = ben.GetByRole(AriaRole.Region, new() { Name = "Actions" });
        await Expect(actions.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await ScreenshotAsync("admin-request-of-ada", ben);
        await AssertAccessibleAsync("console request, an administrator reading another therapist's", ben);

        // A replayed post, with Ben's own valid token, is refused as if the request did not exist, and changes nothing.
        var changesBefore = await ChangesAsync(id);
        var token = await ben.Locator("input[name=__RequestVerificationToken]").First.InputValueAsync();
        foreach (var (handler, field, value) in new[] { ("confirm", "", ""), ("decline", "note", "No."), ("propose", "slotStarts", "not a time") })
        {
            var form = ben.Context.APIRequest.CreateFormData();
            form.Set("__RequestVerificationToken", token);
            if (field.Length > 0)
                form.Set(field, value);
            await using var replay = await ben.APIRequest.PostAsync($"/console/requests/{id}?handler={handler}", new() { Form = form });
            Assert.That(replay.Status, Is.EqualTo(404), handler);
        }

        var stored = (await StoredAsync()).Single();
        Assert.Multiple(async () =>
        {
            Assert.That(stored.Status, Is.EqualTo(ConsultationStatus.Pending));
            Assert.That(stored.TherapistId, Is.EqualTo("t1"));
            Assert.That(await ChangesAsync(id), Is.EqualTo(changesBefore), "no change recorded");
        });
    }

    [Test]
    public async Task Admin_ActsOnAnUntakenCallback_AsAnyTherapistMay()
    {
        await TherapistAccounts.MakeAdminAsync(Api, BenEmail);
        await AskForCallbackAsync();
        var ben = await SignInAsync(BenEmail);

        await ben.GotoAsync("/console?therapist=t1");
        await ben.GetByRole(AriaRole.Link, new() { Name = "Sam Rivera" }).ClickAsync();

        // An open callback is the practice's: Ben may take it as himself, so its actions are offered.
        await Expect(ben.GetByRole(AriaRole.Button, new() { Name = "Decline" })).ToBeVisibleAsync();
        await Expect(ben.GetByText("you can read it, but only")).ToHaveCountAsync(0);
    }

    [Test]
    public async Task NonAdmin_AskingForAnotherTherapistsInbox_Gets404_FromThePageAndItsList()
    {
        var ada = await SignInAsync();
        await Expect(ada.GetByLabel("Whose requests")).ToHaveCountAsync(0);

        foreach (var path in new[] { "/console?therapist=t2", "/console?therapist=*", "/console?therapist=%2A&past=1", "/console?handler=list&therapist=t2", "/console?handler=list&therapist=*" })
        {
            var response = await ada.GotoAsync(path);
            Assert.That(response!.Status, Is.EqualTo(404), path);
        }

        var own = await ada.GotoAsync("/console?therapist=t1");
        Assert.That(own!.Status, Is.EqualTo(200), "her own inbox, named");
    }

    [Test]
    public async Task Admin_AskingForATherapistWhoDoesNotExist_Gets404()
    {
        await TherapistAccounts.MakeAdminAsync(Api, BenEmail);
        var ben = await SignInAsync(BenEmail);

        var response = await ben.GotoAsync("/console?therapist=nobody");

        Assert.That(response!.Status, Is.EqualTo(404));
    }

    [Test]
    public async Task JobsLink_IsShownOnlyToAnAdmin_WhereTheDashboardIsMapped()
    {
        await TherapistAccounts.MakeAdminAsync(Api, BenEmail);
        var ada = await SignInAsync();
        var ben = await SignInAsync(BenEmail);
        var navigation = "Console";

        await Expect(ada.GetByRole(AriaRole.Navigation, new() { Name = navigation }).GetByRole(AriaRole.Link, new() { Name = "Jobs" })).ToHaveCountAsync(0);
        var jobs = ben.GetByRole(AriaRole.Navigation, new() { Name = navigation }).GetByRole(AriaRole.Link, new() { Name = "Jobs" });
        if (TestDatabase.IsShared)
        {
            await Expect(jobs).ToBeVisibleAsync();
            await Expect(jobs).ToHaveAttributeAsync("href", "/hangfire");
            // Followed with the browser's own cookie (not loaded as a page: Hangfire's assets are its own, outside the
            // console's no-referrer rule): the dashboard answers the administrator.
            await using var dashboard = await ben.APIRequest.GetAsync("/hangfire/recurring");
            Assert.That(dashboard.Status, Is.EqualTo(200));
            Assert.That(await dashboard.TextAsync(), Does.Contain("Recurring Jobs"));
        }
        else
        {
            // SQLite: the jobs live in the Worker's memory, and the Api maps no dashboard to link to.
            await Expect(jobs).ToHaveCountAsync(0);
            await using var dashboard = await ben.APIRequest.GetAsync("/hangfire");
            Assert.That(dashboard.Status, Is.EqualTo(404));
        }
    }

    private async Task<int> ChangesAsync(Guid id)
    {
        await using var db = Database.Open();
        return await db.ConsultationChanges.CountAsync(c => c.ConsultationRequestId == new ConsultationRequestId(id));
    }
}
