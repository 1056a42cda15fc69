using System.Text.RegularExpressions;
using Intake.Domain.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Intake.Tests.Browser;

/// <summary>A forgotten password: a link by email, a new password, once.</summary>
public sealed class ConsolePasswordTests : ConsoleBrowserTests
{
    private const string NewPassword = "Quiet-Harbor-2028#";

    [Test]
    public async Task TheEmailedLink_SetsANewPassword_Once()
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        await page.GotoAsync("/console/login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await AssertAccessibleAsync("console, forgot password", page);
        await page.GetByLabel("Email").FillAsync(AdaEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("If an account has that email");

        var mail = (await DispatchToOutboxAsync()).Single(file => file.StartsWith($"To: {AdaEmail}", StringComparison.Ordinal));
        var link = Regex.Match(mail, @"^(http\S+/console/reset\?\S+)$", RegexOptions.Multiline);
        Assert.That(link.Success, Is.True, "the email holds the reset link");
        var path = new Uri(link.Groups[1].Value).PathAndQuery;
        Assert.That(path, Does.Not.Contain("ada").And.Not.Contain("%40"), "the link names the account by its id, not its email");

        await page.GotoAsync(path);
        await AssertAccessibleAsync("console, choose a new password", page);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
        await page.GetByLabel("The new password once more").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the new password" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your password is changed. Sign in with it.");

        await page.GotoAsync(path);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("Another-Harbor-2029!");
        await page.GetByLabel("The new password once more").FillAsync("Another-Harbor-2029!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the new password" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("This link does not work any more");

        await page.GotoAsync("/console/login");
        await page.GetByLabel("Email").FillAsync(AdaEmail);
        await page.GetByLabel("Password").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Requests", Level = 1 })).ToBeVisibleAsync();
    }

    [Test]
    public async Task AnUnknownEmail_GetsTheSameAnswer_AndNoMessage()
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        await page.GotoAsync("/console/forgot");
        await page.GetByLabel("Email").FillAsync("nobody@calmharbor.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("If an account has that email");
        await using var db = Database.Open();
        Assert.That(await db.Messages.CountAsync(m => m.Kind == MessageKind.PasswordReset), Is.Zero);
    }
}
