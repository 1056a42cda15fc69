using System.Diagnostics;
using Intake.Domain.Messages;
using Intake.Tests.Support;
using Intake.Worker.Dispatch;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Intake.Tests.Worker;

/// <summary>Sending under load and faults: the per-second ceiling measured where Twilio would see it, and retries that never duplicate.</summary>
public class DispatchRateLimitTests
{
    private FakeClock _clock = null!;
    private TestDatabase _database = null!;
    private FakeTwilio _twilio = null!;

    [SetUp]
    public async Task SetUp()
    {
        _clock = new FakeClock(Instant.FromUtc(2027, 3, 14, 6, 30));
        _database = new TestDatabase();
        _twilio = await FakeTwilio.StartAsync();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _twilio.DisposeAsync();
        _database.Dispose();
    }

    private Task<ServiceProvider> WorkerAsync(int maxPerSecondSms) =>
        InProcessWorker.BuildAsync(_database, _clock, new Dictionary<string, string?>(InProcessWorker.TwilioSettings(_twilio))
        {
            ["Dispatch:MaxPerSecondSms"] = maxPerSecondSms.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Dispatch:RetryBaseSeconds"] = "10",
            ["Dispatch:MaxAttempts"] = "8",
        });

    private async Task<List<MessageId>> AddTextsAsync(int count)
    {
        await using var db = _database.Open();
        var texts = Enumerable.Range(0, count)
            .Select(i => OutboundMessage.Text(null, MessageKind.Acknowledgement, $"+1212555{i:D4}", $"Text {i}", _clock.GetCurrentInstant()))
            .ToList();
        db.Messages.AddRange(texts);
        await db.SaveChangesAsync();
        return texts.Select(t => t.Id).ToList();
    }

    private static Task<DispatchResult[]> DispatchAllAtOnceAsync(ServiceProvider services, IEnumerable<MessageId> ids) =>
        Task.WhenAll(ids.Select(id => Task.Run(async () =>
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new DispatchMessage(id));
        })));

    /// <summary>The most arrivals the fake saw in any one-second window (each window starting at an arrival).</summary>
    private static int MostInAnySecond(IReadOnlyList<long> arrivals)
    {
        var sorted = arrivals.Order().ToArray();
        var most = 0;
        for (int first = 0, last = 0; first < sorted.Length; first++)
        {
            while (last < sorted.Length && sorted[last] - sorted[first] < Stopwatch.Frequency)
                last++;
            most = Math.Max(most, last - first);
        }

        return most;
    }

    [Test]
    public async Task Dispatch_ThirtyTextsAtOnceWithACeilingOfTen_AllGoOnceAndNoSecondSeesMoreThanTen()
    {
        await using var services = await WorkerAsync(maxPerSecondSms: 10);
        var ids = await AddTextsAsync(30);

        var watch = Stopwatch.StartNew();
        var results = await DispatchAllAtOnceAsync(services, ids);
        watch.Stop();

        var most = MostInAnySecond(_twilio.Arrivals);
        await TestContext.Out.WriteLineAsync($"30 texts, ceiling 10/s: at most {most} in any second at the fake, {watch.Elapsed.TotalSeconds:F2} s in all");
        Assert.Multiple(() =>
        {
            Assert.That(results, Is.All.EqualTo(DispatchResult.Sent));
            Assert.That(_twilio.Accepted.Select(t => t.To).ToList(), Is.Unique.And.Count.EqualTo(30));
            Assert.That(_twilio.Requests, Is.EqualTo(30));
            Assert.That(most, Is.LessThanOrEqualTo(10));
        });
    }

    [Test]
    public async Task Dispatch_ACeilingOfOne_NeverLetsTwoTextsArriveWithinASecond()
    {
        await using var services = await WorkerAsync(maxPerSecondSms: 1);
        var ids = await AddTextsAsync(3);

        var results = await DispatchAllAtOnceAsync(services, ids);

        Assert.That(results, Is.All.EqualTo(DispatchResult.Sent));
        Assert.That(MostInAnySecond(_twilio.Arrivals), Is.EqualTo(1));
    }

    [Test]
    public async Task Dispatch_TwilioRateLimitsThenFailsThenRecovers_EveryTextGoesExactlyOnce()
    {
        await using var services = await WorkerAsync(maxPerSecondSms: 0);
        var ids = await AddTextsAsync(10);
        _twilio.FailNext(429, 20429, times: 5);
        _twilio.FailNext(500, 20500, times: 5);

        var rounds = new List<DispatchResult[]>();
        for (var round = 0; round < 4; round++)
        {
            // Every round, as the scanner would: all that is due now, at once, then the clock moves past the backoff.
            await using (var scope = services.CreateAsyncScope())
            {
                var due = (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new QueueDueMessages(100, Duration.FromSeconds(120)))).Ids;
                rounds.Add(await DispatchAllAtOnceAsync(services, due));
            }

            _clock.Advance(Duration.FromSeconds(10));
        }

        await using var db = _database.Open();
        var rows = await db.Messages.ToListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(rounds[0], Is.All.EqualTo(DispatchResult.RetryLater), "the first ten requests all failed");
            Assert.That(rounds[1], Has.Length.EqualTo(10).And.All.EqualTo(DispatchResult.Sent), "due again after the 10 s backoff");
            Assert.That(rounds.Skip(2), Is.All.Empty, "nothing left to send");
            Assert.That(_twilio.Accepted.Select(t => t.Body), Is.EquivalentTo(Enumerable.Range(0, 10).Select(i => $"Text {i}")));
            Assert.That(_twilio.Requests, Is.EqualTo(20));
            Assert.That(rows.Select(m => (m.Status, m.Attempts)), Is.All.EqualTo((MessageStatus.Sent, 2)));
        });
    }
}
