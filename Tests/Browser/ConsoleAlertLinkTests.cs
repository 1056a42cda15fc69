using System.Text.RegularExpressions;
using Intake.Domain.Consultations;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Intake.Tests.Browser;

/// <summary>The "Confirm" and "Decline" links in Ada's new-request alert: a page first, one action, once.</summary>
public sealed class ConsoleAlertLinkTests : ConsoleBrowserTests
{
    [Test]
    public async Task TheConfirmLink_ShowsAPageFirst_ConfirmsOnce_AndTheSecondUseSaysSo()
    {
        await BookAsync();
        var alert = (await DispatchToOutboxAsync()).Single(file => file.StartsWith("To: ada@calmharbor.example", StringComparison.Ordinal));
        Assert.That(alert, Does.Not.Contain("Sam").And.Not.Contain("sam.rivera"), "the alert names no prospect");
        var confirm = PathOf(alert, "Confirm this time");
        var decline = PathOf(alert, "Decline it");
        Assert.That(Regex.IsMatch(alert, @"Read the request and respond in Intake: \S+/console/requests/[0-9a-f-]{36}"), Is.True);

        var mail = await (await NewContextAsync()).NewPageAsync();
        await mail.GotoAsync(confirm);
        await Expect(mail.GetByRole(AriaRole.Heading, new() { Name = "Confirm this consultation request?" })).ToBeVisibleAsync();
        await Expect(mail.GetByText("The time asked for: Wednesday 10 March 2027, 9:00 AM EST.")).ToBeVisibleAsync();
        Assert.That(await mail.ContentAsync(), Does.Not.Contain("Sam").And.Not.Contain("Rivera").And.Not.Contain("0199"));
        Assert.That((await StoredAsync()).Single().Status, Is.EqualTo(ConsultationStatus.Pending), "opening the link changed nothing");
        await AssertAccessibleAsync("alert link, confirm page", mail);
        await ScreenshotAsync("confirm-link", mail);

        await mail.GetByRole(AriaRole.Button, new() { Name = "Yes, confirm it" }).ClickAsync();
        await Expect(mail.GetByRole(AriaRole.Status)).ToHaveTextAsync("Confirmed. The prospect is told.");
        Assert.That((await StoredAsync()).Single().Status, Is.EqualTo(ConsultationStatus.Confirmed));

        foreach (var again in new[] { confirm, decline })
        {
            await mail.GotoAsync(again);
            await Expect(mail.GetByRole(AriaRole.Alert)).ToHaveTextAsync("This link was used already, or the request changed since. Nothing was done.");
            await Expect(mail.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Yes") })).ToHaveCountAsync(0);
        }

        await AssertAccessibleAsync("alert link, used", mail);
        Assert.That((await StoredAsync()).Single().Status, Is.EqualTo(ConsultationStatus.Confirmed));
    }

    [Test]
    public async Task AForgedOrGarbledLink_IsNotFound()
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        var response = await page.GotoAsync("/console/act/not-a-token");
        Assert.That(response!.Status, Is.EqualTo(404));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This link does not work any more" })).ToBeVisibleAsync();
        await AssertAccessibleAsync("alert link, not valid", page);
    }

    /// <summary>The path of the link on the line that starts with <paramref name="label"/>, to open on this test's Api.</summary>
    private static string PathOf(string message, string label)
    {
        var match = Regex.Match(message, $@"^{Regex.Escape(label)}: (\S+)$", RegexOptions.Multiline);
        Assert.That(match.Success, Is.True, $"the alert has a \"{label}\" link");
        return new Uri(match.Groups[1].Value).PathAndQuery;
    }
}
