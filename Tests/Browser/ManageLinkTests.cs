using Intake.Domain.Consultations;
using Intake.Domain.Consultations.ManageLinks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace Intake.Tests.Browser;

/// <summary>The manage link as a key: a bad one shows one page, the same for each; a good one reaches its own request only and leaks nowhere.</summary>
public sealed class ManageLinkTests : ManageBrowserTests
{
    [Test]
    public async Task InvalidLink_ForgedGarbledOrExpired_ShowsTheSamePage()
    {
        var (id, token) = await HoldAsync(MondayNine);
        var shortLived = Api.Services.GetRequiredService<ManageLinks>().TokenFor(new ConsultationRequestId(id), Clock.GetCurrentInstant() + Duration.FromHours(1));
        var fresh = await Page.GotoAsync($"/manage/{shortLived}");
        Assert.That(fresh!.Status, Is.EqualTo(200), "the short-lived link worked before it expired");
        Clock.Advance(Duration.FromHours(2)); // days before the call: only the link's age stops it

        var forged = token[..40] + (token[40] == 'A' ? 'B' : 'A') + token[41..];
        var pages = new Dictionary<string, string>();
        foreach (var (kind, bad) in new[] { ("forged", forged), ("garbled", "not-a-token%21%21"), ("truncated", token[..60]), ("expired", shortLived) })
        {
            var response = await Page.GotoAsync($"/manage/{bad}");
            Assert.That(response!.Status, Is.EqualTo(404), kind);
            Assert.That(response.Headers["cache-control"], Is.EqualTo("no-store"), kind);
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "This link is no longer valid", Level = 1 })).ToBeVisibleAsync();
            await Expect(Page.GetByText("+1 212-555-0100")).ToBeVisibleAsync();
            pages[kind] = await Page.ContentAsync();
        }

        Assert.That(pages.Values.Distinct().Count(), Is.EqualTo(1), "every bad link reads the same, to the byte");
        Assert.That(RequestsTo("/manage/manage.js"), Is.EqualTo(1), "only the valid page loaded the script");
        await ScreenshotAsync("invalid-link");
        await AssertAccessibleAsync("manage page, invalid link");
    }

    [Test]
    public async Task TokenForA_ShowsAndChangesOnlyA()
    {
        var (a, tokenA) = await HoldAsync(MondayNine);
        var (b, _) = await HoldAsync(MondayNineThirty);

        await Page.GotoAsync($"/manage/{tokenA}?id={b}");
        await Expect(Page.GetByText("Monday, March 15, 2027, 9:00 AM Eastern Time").First).ToBeVisibleAsync();
        await Expect(Page.GetByText("9:30 AM")).ToHaveCountAsync(0);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Cancel this request" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel it" }).ClickAsync();
        await Expect(StatusHeading("This request is cancelled")).ToBeVisibleAsync();

        Assert.That((await StoredAsync(a)).Status, Is.EqualTo(ConsultationStatus.Cancelled));
        var other = await StoredAsync(b);
        Assert.That(other.Status, Is.EqualTo(ConsultationStatus.Pending), "B is untouched");
        Assert.That(other.Holds, Is.Not.Empty, "B still holds its time");
    }

    [Test]
    public async Task ManagePage_SendsNoReferer_AndNoRequestCarriesTheToken_ButItsOwn()
    {
        var headers = new List<(string Url, IReadOnlyDictionary<string, string> Headers)>();
        Page.Request += (_, request) =>
        {
            lock (headers)
                headers.Add((request.Url, request.Headers));
        };
        var (_, token) = await HoldAsync(MondayNine);

        await Page.GotoAsync($"/manage/{token}");
        await Expect(StatusHeading("Your time is held for you")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Cancel this request" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel it" }).ClickAsync();
        await Expect(StatusHeading("This request is cancelled")).ToBeVisibleAsync();

        (string Url, IReadOnlyDictionary<string, string> Headers)[] seen;
        lock (headers)
            seen = [.. headers];
        Assert.That(seen.Select(h => new Uri(h.Url).AbsolutePath), Does.Contain("/manage/manage.js").And.Contain($"/api/manage/{token}/cancel"));
        lock (Referred)
            Assert.That(Referred, Is.Empty, "no request reached the Api naming the page it came from");
        Assert.That(seen.Where(h => h.Url.Contains(token, StringComparison.Ordinal)).Select(h => new Uri(h.Url).AbsolutePath),
            Is.All.StartsWith($"/manage/{token}").Or.StartsWith($"/api/manage/{token}"), "the token goes only to the page and its API");
    }
}
