using Intake.Domain.Consultations;
using Intake.Domain.Messages;
using Intake.Tests.Support;
using Intake.Worker.Dispatch;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Intake.Tests.Browser;

/// <summary>
/// The booking page in a real browser, as a visitor uses it: open times found by their full names, the form by its
/// labels, what was stored read from the database and what was sent from the outbox. The practice is the root
/// appsettings.json's (t1, Ada, New York, 09:00-12:00 and 13:00-17:00 on weekdays, two hours' notice); the clock
/// stands at Wednesday 10 March 2027, 07:00 in New York, so the first open time is 09:00 that day.
/// </summary>
public abstract class BookingBrowserTests : BrowserTests
{
    protected const string WednesdayNine = "Wednesday, March 10, 2027, 9:00 AM Eastern Time";
    protected const string WednesdayNineFifteen = "Wednesday, March 10, 2027, 9:15 AM Eastern Time";

    /// <summary>Wednesday 10 March 2027, 09:00 in New York.</summary>
    protected static readonly NodaTime.Instant WednesdayNineUtc = NodaTime.Instant.FromUtc(2027, 3, 10, 14, 0);

    /// <summary>An open time's button, by the full name a screen reader says.</summary>
    protected static ILocator Time(IPage page, string fullName) =>
        page.GetByRole(AriaRole.Button, new() { Name = fullName, Exact = true });

    protected ILocator Time(string fullName) => Time(Page, fullName);

    protected static ILocator Field(IPage page, string label) =>
        page.GetByRole(AriaRole.Textbox, new() { Name = label, Exact = true });

    protected ILocator Field(string label) => Field(Page, label);

    protected static ILocator Done(IPage page, string heading) =>
        page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 2 });

    /// <summary>The visitor's details, typed into the form.</summary>
    protected static async Task FillDetailsAsync(IPage page, string name = "Sam Rivera", string email = "sam.rivera@example.com")
    {
        await Field(page, "Name").FillAsync(name);
        await Field(page, "Phone").FillAsync("+1 212-555-0199");
        await Field(page, "Email").FillAsync(email);
    }

    /// <summary>Opens the booking page and waits for its open times.</summary>
    protected async Task OpenAsync(IPage? page = null)
    {
        page ??= Page;
        await page.GotoAsync("/book");
        await Expect(page.Locator("[data-start]").First).ToBeVisibleAsync();
    }

    protected async Task<List<ConsultationRequest>> StoredAsync()
    {
        await using var db = Database.Open();
        return await db.ConsultationRequests.AsNoTracking().Include(r => r.Holds).ToListAsync();
    }

    /// <summary>What the browser asked for, each URL once.</summary>
    protected string[] RequestedUrls()
    {
        lock (Requested)
            return Requested.Distinct().ToArray();
    }

    /// <summary>
    /// Runs the Worker's dispatch (its services, this test's clock) on every message due now, writing each to the
    /// outbox as the embedded default does; the files' contents.
    /// </summary>
    protected async Task<string[]> DispatchToOutboxAsync()
    {
        await using var worker = await InProcessWorker.BuildAsync(Database, Clock);
        List<MessageId> due;
        await using (var db = Database.Open())
        {
            var now = Clock.GetCurrentInstant();
            due = await db.Messages.Where(m => m.Status == MessageStatus.Pending && m.DueAt <= now).Select(m => m.Id).ToListAsync();
        }

        foreach (var id in due)
        {
            await using var scope = worker.CreateAsyncScope();
            Assert.That(await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new DispatchMessage(id)), Is.EqualTo(DispatchResult.Sent));
        }

        return Directory.Exists(Database.OutboxFolder)
            ? Directory.GetFiles(Database.OutboxFolder, "*.txt").Select(File.ReadAllText).ToArray()
            : [];
    }
}
