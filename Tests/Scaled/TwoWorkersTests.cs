using System.Globalization;
using Intake.Domain.Consultations;
using Intake.Domain.Messages;
using Intake.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NodaTime;

namespace Intake.Tests.Scaled;

/// <summary>Two Worker processes taking jobs from one Hangfire storage in the shared database.</summary>
public class TwoWorkersTests : SharedDatabaseTests
{
    private const int MessageCount = 2_000;

    [Test]
    public async Task Dispatch_TwoThousandTextsWithAWorkerKilledMidway_EachReachesTwilioExactlyOnce()
    {
        await using var twilio = await FakeTwilio.StartAsync();
        await using var api = TwilioWebhookApi.Start(Database, SystemClock.Instance);
        using var apiClient = api.CreateClient();
        twilio.ReportStatusTo(apiClient.BaseAddress!, TwilioWebhookSigner.AuthToken);
        await AddDueTextsAsync(MessageCount);
        var settings = new Dictionary<string, string?>(InProcessWorker.TwilioSettings(twilio))
        {
            ["Twilio:WebhookBaseUrl"] = TwilioWebhookSigner.PublicBaseUrl,
            ["Dispatch:MaxPerSecondSms"] = "0",
            ["Dispatch:PollIntervalSeconds"] = "0.2",
            ["Dispatch:ClaimLeaseSeconds"] = "10",
            ["Twilio:TimeoutSeconds"] = "5",
            ["Storage:MigrateOnStart"] = "false",
        };

        var first = StartWorker(settings);
        StartWorker(settings);
        var killedMidway = await twilio.WaitForAsync(t => t.Accepted.Count >= MessageCount / 4, TimeSpan.FromMinutes(3));
        first.Kill();
        var acceptedAtKill = twilio.Accepted.Count;
        await Task.Delay(TimeSpan.FromSeconds(1));
        StartWorker(settings);
        var allSent = await Eventually.TrueWithinAsync(TimeSpan.FromMinutes(4), async () => await CountAsync(MessageStatus.Sent) == MessageCount);
        await Task.Delay(TimeSpan.FromSeconds(2)); // anything still in flight would show up at the fake now

        var byMessage = twilio.Accepted.GroupBy(t => t.StatusCallback).ToList();
        int reclaimed;
        await using (var db = Database.Open())
            reclaimed = await db.Messages.CountAsync(m => m.Channel == ContactChannel.Sms && m.Attempts > 1);
        TestContext.Out.WriteLine(
            $"{MessageCount} texts, 2 Workers, one SIGKILLed after {acceptedAtKill} accepted and restarted: " +
            $"{twilio.Requests} requests reached the fake, {twilio.Accepted.Count} accepted, {byMessage.Count} distinct messages, " +
            $"{twilio.ReportsDelivered} status reports; {reclaimed} claimed again after their lease lapsed; rows Sent {await CountAsync(MessageStatus.Sent)}, " +
            $"Sending {await CountAsync(MessageStatus.Sending)}, Pending {await CountAsync(MessageStatus.Pending)}.");
        Assert.Multiple(async () =>
        {
            Assert.That(killedMidway, Is.True, "a quarter of the texts went out before the kill");
            Assert.That(acceptedAtKill, Is.LessThan(MessageCount), "the kill came before the end");
            Assert.That(allSent, Is.True, "every message ends Sent");
            Assert.That(twilio.Accepted, Has.Count.EqualTo(MessageCount), "each text handed to Twilio once");
            Assert.That(byMessage, Has.Count.EqualTo(MessageCount));
            Assert.That(byMessage.Where(g => g.Count() > 1), Is.Empty, "no message sent twice");
            Assert.That(await CountAsync(MessageStatus.Sending), Is.Zero, "none stuck in Sending");
            Assert.That(await CountAsync(MessageStatus.Pending), Is.Zero, "none lost");
        });
    }

    [Test]
    public async Task Dispatch_TwoWorkersWithACeilingOfThreeTextsASecond_NoSecondAtTwilioSeesMoreThanThree()
    {
        const int Ceiling = 3;
        const int Texts = 45;
        await using var twilio = await FakeTwilio.StartAsync();
        await AddDueTextsAsync(Texts);
        var settings = new Dictionary<string, string?>(InProcessWorker.TwilioSettings(twilio))
        {
            ["Dispatch:MaxPerSecondSms"] = Ceiling.ToString(CultureInfo.InvariantCulture),
            ["Dispatch:PollIntervalSeconds"] = "0.2",
            ["Dispatch:ClaimLeaseSeconds"] = "30",
            ["Twilio:TimeoutSeconds"] = "10",
            ["Storage:MigrateOnStart"] = "false",
        };

        StartWorker(settings);
        StartWorker(settings);
        var allSent = await Eventually.TrueWithinAsync(TimeSpan.FromMinutes(3), async () => await CountAsync(MessageStatus.Sent) == Texts);

        var most = MostInAnySecond(twilio.Arrivals);
        var arrivals = twilio.Arrivals.Order().ToArray();
        var seconds = arrivals.Length > 1 ? (arrivals[^1] - arrivals[0]) / (double)System.Diagnostics.Stopwatch.Frequency : 0;
        TestContext.Out.WriteLine(
            $"{Texts} texts, 2 Workers, ceiling {Ceiling}/s shared in the database: at most {most} in any one-second window at the fake, " +
            $"{twilio.Requests} requests over {seconds:F1} s ({(seconds > 0 ? (Texts - 1) / seconds : 0):F2}/s).");
        Assert.Multiple(() =>
        {
            Assert.That(allSent, Is.True, "every text sent");
            Assert.That(twilio.Accepted, Has.Count.EqualTo(Texts), "each once");
            Assert.That(most, Is.LessThanOrEqualTo(Ceiling), "the ceiling holds across both Workers");
        });
    }

    /// <summary>The most arrivals within any one second, wherever the second starts.</summary>
    private static int MostInAnySecond(IReadOnlyList<long> arrivals)
    {
        var sorted = arrivals.Order().ToArray();
        var most = 0;
        for (int first = 0, last = 0; first < sorted.Length; first++)
        {
            while (last < sorted.Length && sorted[last] - sorted[first] < System.Diagnostics.Stopwatch.Frequency)
                last++;
            most = Math.Max(most, last - first);
        }

        return most;
    }

    [Test]
    public async Task RecurringJobs_WithTwoWorkers_RunOncePerSchedule()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Jobs:ExpirySchedule"] = "* * * * *",
            ["Jobs:AgendaSchedule"] = "* * * * *",
            ["Storage:MigrateOnStart"] = "false",
        };
        StartWorker(settings);
        StartWorker(settings);

        // Two schedule points of each job: at most two minutes and a bit.
        var ranTwice = await Eventually.TrueWithinAsync(TimeSpan.FromMinutes(3), async () =>
            (await RunMinutesAsync("expire-overdue-requests")).Count >= 2 && (await RunMinutesAsync("queue-daily-agendas")).Count >= 2);
        var expiry = await RunMinutesAsync("expire-overdue-requests");
        var agenda = await RunMinutesAsync("queue-daily-agendas");

        TestContext.Out.WriteLine($"expiry runs per minute: {string.Join(", ", expiry.Select(r => $"{r.Minute:HH:mm} ×{r.Runs}"))}; " +
            $"agenda: {string.Join(", ", agenda.Select(r => $"{r.Minute:HH:mm} ×{r.Runs}"))}");
        Assert.Multiple(() =>
        {
            Assert.That(ranTwice, Is.True, "each job came due at least twice");
            Assert.That(expiry.Select(r => r.Runs), Is.All.EqualTo(1), "one expiry run per minute, not one per Worker");
            Assert.That(agenda.Select(r => r.Runs), Is.All.EqualTo(1), "one agenda run per minute, not one per Worker");
        });
    }

    private async Task AddDueTextsAsync(int count)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        await using var db = Database.Open();
        for (var i = 0; i < count; i++)
        {
            db.Messages.Add(OutboundMessage.Text(null, MessageKind.DailyAgenda, "+12125550199",
                $"Calm Harbor Counseling: test text {i.ToString(CultureInfo.InvariantCulture)}", now));
        }

        await db.SaveChangesAsync();
    }

    /// <summary>The test's texts in this state (the Workers' own agenda job may add an email of its own).</summary>
    private async Task<int> CountAsync(MessageStatus status)
    {
        await using var db = Database.Open();
        return await db.Messages.CountAsync(m => m.Status == status && m.Channel == ContactChannel.Sms);
    }

    /// <summary>Hangfire's own record of the runs: the jobs its recurring scheduler created, counted per minute.</summary>
    private async Task<List<(DateTime Minute, int Runs)>> RunMinutesAsync(string recurringJobId)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT date_trunc('minute', j.createdat) AS minute, count(*)
            FROM hangfire.job j JOIN hangfire.jobparameter p ON p.jobid = j.id AND p.name = 'RecurringJobId'
            WHERE p.value = @id
            GROUP BY 1 ORDER BY 1
            """;
        command.Parameters.AddWithValue("id", $"\"{recurringJobId}\"");
        var runs = new List<(DateTime, int)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            runs.Add((reader.GetDateTime(0), (int)reader.GetInt64(1)));
        return runs;
    }
}
