using System.Net;
using Intake.Tests.Support;

namespace Intake.Tests.Api;

/// <summary>Whatever is put in a page's URL, the answer is a page (the same "no longer valid" one for any bad link), never a 500.</summary>
public sealed class PageInputTests : ApiTests
{
    [TestCase("x")]
    [TestCase("CfDJ8NOTAREALTOKEN")]
    [TestCase("%ff%fe")]
    [TestCase("..%2f..%2fappsettings.json")]
    [TestCase("a.b.c")]
    public async Task ManagePage_WithABadToken_IsTheOneInvalidLinkPage(string token)
    {
        using var response = await Client.GetAsync($"/manage/{token}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(html, Does.Contain("This link is no longer valid").And.Contain("+1 212-555-0100"));
    }

    [Test]
    public async Task ManagePage_WithAHugeToken_IsTheInvalidLinkPage()
    {
        using var response = await Client.GetAsync($"/manage/{new string('A', 6_000)}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("This link is no longer valid"));
    }

    [TestCase("/book?therapist=%00&zone=Not/AZone&x=" + "y")]
    [TestCase("/book/")]
    public async Task BookingPage_IgnoresWhatItDoesNotRead(string path)
    {
        using var response = await Client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("POST", "/book")]
    [TestCase("POST", "/manage/x")]
    [TestCase("PUT", "/book")]
    public async Task Pages_AnswerOnlyGet(string method, string path)
    {
        using var response = await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("name=x") });

        Assert.That((int)response.StatusCode, Is.InRange(400, 499), "a page posts nothing of its own");
    }
}
