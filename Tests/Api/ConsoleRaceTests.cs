using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Intake.Domain.Consultations;
using Intake.Domain.Messages;
using Intake.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Api;

/// <summary>
/// The console's own ways in, raced over HTTP as a browser would post them (the page's anti-forgery token and
/// cookie): an alert link's POST sent twice at once, its Confirm against its Decline, and two of Ada's tabs confirming
/// and declining one request. A <see cref="SaveGate"/> makes both read the request before either saves. Each round:
/// exactly one acts, the other is told it changed meanwhile (never a 500), and only the winner's messages exist.
/// </summary>
[Category("Concurrency")]
public sealed class ConsoleRaceTests : TwoTherapistsTests
{
    private const int Rounds = 20;

    private const string LinkUsed = "This link was used already, or the request changed since. Nothing was done.";

    private const string ChangedMeanwhile = "Someone changed this request a moment ago; here it is as it is now. Nothing was done.";

    private readonly SaveGate _gate = new();

    private protected override void AddServices(IServiceCollection services) =>
        services.AddSingleton<ISaveChangesInterceptor>(_gate);

    [TestCase("Confirm this time", "Confirm this time")]
    [TestCase("Confirm this time", "Decline it")]
    public async Task AlertLinks_PostedAtTheSameMoment_ExactlyOneActs(string first, string second)
    {
        var slots = await OpenStartsAsync();
        var won = new Dictionary<string, int> { ["first"] = 0, ["second"] = 0 };
        for (var round = 0; round < Rounds; round++)
        {
            var id = await HoldAsync(slots.Dequeue());
            var alert = await AlertAsync(id);
            using var mail = ConsoleSession.Anonymous(Api);
            var (one, two) = (LinkPath(alert, first), LinkPath(alert, second));
            var (oneToken, twoToken) = (await mail.TokenAsync(one), await mail.TokenAsync(two));

            _gate.Expect(2);
            var (a, b) = await Race.BothAsync(() => mail.PostAsync(one, oneToken), () => mail.PostAsync(two, twoToken));

            var firstWon = await OneWonAsync(round, a, b, LinkUsed);
            won[firstWon ? "first" : "second"]++;
            var action = firstWon ? first : second;
            var (status, kinds) = await StateAsync(id);
            if (action == "Confirm this time")
            {
                Assert.That(status, Is.EqualTo(ConsultationStatus.Confirmed), $"round {round}");
                Assert.That(kinds.Count(k => k == MessageKind.Confirmed), Is.EqualTo(1), $"round {round}: one confirmation");
                Assert.That(kinds, Has.No.Member(MessageKind.Declined));
            }
            else
            {
                Assert.That(status, Is.EqualTo(ConsultationStatus.Declined), $"round {round}");
                Assert.That(kinds.Count(k => k == MessageKind.Declined), Is.EqualTo(1), $"round {round}");
                Assert.That(kinds, Has.No.Member(MessageKind.Confirmed).And.No.Member(MessageKind.Reminder));
            }
        }

        await AssertHoldsMatchStatusAsync();
        Race.Report(won, Rounds);
    }

    [Test]
    public async Task ConfirmAndDecline_FromTwoTabsOfTheConsole_ExactlyOneActs()
    {
        var slots = await OpenStartsAsync();
        using var ada = await ConsoleSession.SignInAsync(Api, "ada@calmharbor.example");
        var won = new Dictionary<string, int> { ["confirm"] = 0, ["decline"] = 0 };
        for (var round = 0; round < Rounds; round++)
        {
            var id = await HoldAsync(slots.Dequeue());
            var page = $"/console/requests/{id}";
            var (confirmTab, declineTab) = (await ada.TokenAsync(page), await ada.TokenAsync(page));

            _gate.Expect(2);
            var (confirm, decline) = await Race.BothAsync(
                () => ada.PostAsync($"{page}?handler=confirm", confirmTab),
                () => ada.PostAsync($"{page}?handler=decline", declineTab, ("note", "Not this week.")));

            var confirmed = await OneWonAsync(round, confirm, decline, ChangedMeanwhile);
            won[confirmed ? "confirm" : "decline"]++;
            var (status, kinds) = await StateAsync(id);
            Assert.That(status, Is.EqualTo(confirmed ? ConsultationStatus.Confirmed : ConsultationStatus.Declined), $"round {round}");
            Assert.That(kinds.Count(k => k is MessageKind.Confirmed or MessageKind.Declined), Is.EqualTo(1), $"round {round}: the winner's message only");
            Assert.That(kinds, Has.Member(confirmed ? MessageKind.Confirmed : MessageKind.Declined));
        }

        await AssertHoldsMatchStatusAsync();
        Race.Report(won, Rounds);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /// <summary>
    /// One answer is the success (the act page's 200 with its outcome, or the request page's redirect), the other a
    /// 409 page with <paramref name="loserWords"/>; true when the first won.
    /// </summary>
    private static async Task<bool> OneWonAsync(int round, HttpResponseMessage first, HttpResponseMessage second, string loserWords)
    {
        using (first)
        using (second)
        {
            var codes = new[] { first.StatusCode, second.StatusCode };
            Assert.That(codes, Has.One.EqualTo(HttpStatusCode.Conflict).And.One.AnyOf(HttpStatusCode.OK, HttpStatusCode.Redirect),
                $"round {round}: answered {string.Join(" and ", codes.Select(c => (int)c))}");
            var (winner, loser) = first.StatusCode == HttpStatusCode.Conflict ? (second, first) : (first, second);
            Assert.That(await ConsoleSession.TextAsync(loser), Does.Contain(loserWords), $"round {round}: the loser is told");
            if (winner.StatusCode == HttpStatusCode.OK)
                Assert.That(await ConsoleSession.TextAsync(winner), Does.Contain("The prospect is told."), $"round {round}");
            return winner == first;
        }
    }

    private async Task<Queue<string>> OpenStartsAsync()
    {
        var list = await Anonymous.GetFromJsonAsync<JsonElement>("/api/slots?from=2027-03-11&to=2027-04-08&timeZone=UTC&therapistId=t1");
        var starts = list.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("start").GetString()!).ToList();
        Assert.That(starts, Has.Count.GreaterThanOrEqualTo(Rounds));
        return new Queue<string>(starts);
    }

    /// <summary>The body of Ada's new-request alert, as written with the request.</summary>
    private async Task<string> AlertAsync(Guid id)
    {
        await using var db = Database.Open();
        return await db.Messages.Where(m => m.ConsultationRequestId == new ConsultationRequestId(id) && m.Kind == MessageKind.TherapistAlert
                && m.Channel == ContactChannel.Email)
            .Select(m => m.Body).SingleAsync();
    }

    private static string LinkPath(string alert, string label)
    {
        var match = Regex.Match(alert, $@"^{Regex.Escape(label)}: (\S+)$", RegexOptions.Multiline);
        Assert.That(match.Success, Is.True, $"the alert has a \"{label}\" link");
        return new Uri(match.Groups[1].Value).PathAndQuery;
    }
}
