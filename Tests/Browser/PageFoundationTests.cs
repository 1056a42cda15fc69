using Microsoft.Playwright;

namespace Intake.Tests.Browser;

/// <summary>What every prospect page promises, whatever is on it: its headers, its origin, its accessibility.</summary>
public sealed class PageFoundationTests : BrowserTests
{
    [TestCase("/book")]
    [TestCase("/manage/not-a-token")]
    public async Task Page_IsServedWithAStrictPolicy_AndNoReferrer(string path)
    {
        var response = await Page.GotoAsync(path);
        var headers = await response!.AllHeadersAsync();

        var policy = headers["content-security-policy"];
        Assert.That(policy, Does.Contain("default-src 'none'").And.Contain("script-src 'self'").And.Not.Contain("unsafe-inline").And.Not.Contain("unsafe-eval"));
        Assert.That(headers["referrer-policy"], Is.EqualTo("no-referrer"));
        Assert.That(headers["x-content-type-options"], Is.EqualTo("nosniff"));
        Assert.That(headers.ContainsKey("set-cookie"), Is.False, "no cookie for a prospect");
    }

    [Test]
    public async Task BookingPage_MayBeFramedOnlyByItsOwnOrigin_AndManagePageByNobody()
    {
        var book = await (await Page.GotoAsync("/book"))!.AllHeadersAsync();
        var manage = await (await Page.GotoAsync("/manage/not-a-token"))!.AllHeadersAsync();

        Assert.That(book["content-security-policy"], Does.EndWith("frame-ancestors 'self'"));
        Assert.That(manage["content-security-policy"], Does.EndWith("frame-ancestors 'none'"));
    }

    [Test]
    public async Task InvalidLink_ShowsOneFriendlyPage_WithThePracticesPhone()
    {
        var response = await Page.GotoAsync("/manage/CfDJ8forged");

        Assert.That(response!.Status, Is.EqualTo(404));
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "This link is no longer valid" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("+1 212-555-0100")).ToBeVisibleAsync();
        Assert.That(response.Headers["cache-control"], Is.EqualTo("no-store"));
        await AssertAccessibleAsync("invalid link");
    }
}

/// <summary>The booking page framed by a practice's site: Web:EmbedOrigins goes into frame-ancestors.</summary>
public sealed class EmbedOriginsTests : BrowserTests
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Web:EmbedOrigins:0"] = "https://calmharbor.example",
    };

    [Test]
    public async Task BookingPage_NamesTheConfiguredOrigins_InFrameAncestors()
    {
        var headers = await (await Page.GotoAsync("/book"))!.AllHeadersAsync();

        Assert.That(headers["content-security-policy"], Does.EndWith("frame-ancestors 'self' https://calmharbor.example"));
    }
}
