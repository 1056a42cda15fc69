using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Intake.Tests.Browser;

/// <summary>Two visitors in two browsers send the same open time at the same moment.</summary>
public sealed class BookingRaceTests : BookingBrowserTests
{
    [Test]
    public async Task TwoBrowsers_SendOneTimeTogether_OneHoldsIt_TheOtherIsToldAndShownFreshTimes()
    {
        await using var other = await NewContextAsync();
        var second = await other.NewPageAsync();
        var pages = new[] { Page, second };
        string[] times = [WednesdayNine, WednesdayNineFifteen, "Wednesday, March 10, 2027, 9:30 AM Eastern Time"];

        foreach (var time in times)
        {
            await Task.WhenAll(pages.Select(async (page, i) =>
            {
                await OpenAsync(page);
                await Time(page, time).ClickAsync();
                await FillDetailsAsync(page, name: $"Visitor {i}", email: $"visitor{i}@example.com");
            }));

            await Task.WhenAll(pages.Select(page => page.GetByRole(AriaRole.Button, new() { Name = "Request this time" }).ClickAsync()));

            var held = pages.Select(page => Done(page, "Your time is held")).ToArray();
            var told = pages.Select(page => page.GetByText(new Regex("^Sorry, that time is not open any more")).First).ToArray();
            await Task.WhenAll(pages.Select((_, i) => Expect(held[i].Or(told[i])).ToBeVisibleAsync()));
            var winners = 0;
            for (var i = 0; i < pages.Length; i++)
            {
                if (await held[i].IsVisibleAsync())
                {
                    winners++;
                    continue;
                }

                // The loser keeps what was typed, and the times it sees are fresh: the one just taken is gone.
                await Expect(Field(pages[i], "Name")).ToHaveValueAsync($"Visitor {i}");
                await Expect(pages[i].Locator("[data-start]").First).ToBeVisibleAsync();
                await Expect(Time(pages[i], time)).ToHaveCountAsync(0);
                await AssertAccessibleAsync("booking page, time just taken", pages[i]);
            }

            Assert.That(winners, Is.EqualTo(1), $"exactly one browser holds {time}");
        }

        var stored = await StoredAsync();
        Assert.That(stored, Has.Count.EqualTo(times.Length), "one request per contested time");
        Assert.That(stored.Select(r => r.SlotStart).Distinct().Count(), Is.EqualTo(times.Length));
        await ScreenshotAsync("first-browser", Page);
        await ScreenshotAsync("second-browser", second);
    }
}
