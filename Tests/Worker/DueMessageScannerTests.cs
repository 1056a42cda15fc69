using System.Diagnostics;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Intake.Domain.Data;
using Intake.Domain.Messages;
using Intake.Tests.Support;
using Intake.Worker.Dispatch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace Intake.Tests.Worker;

/// <summary>The scanner that turns due messages into dispatch jobs, with jobs run at once by a stand-in job client.</summary>
public class DueMessageScannerTests
{
    private FakeClock _clock = null!;
    private TestDatabase _database = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new FakeClock(Instant.FromUtc(2027, 3, 10, 15, 0));
        _database = new TestDatabase();
    }

    [TearDown]
    public void TearDown() => _database.Dispose();

    [Test]
    public async Task Scan_WithMoreDueThanOneBatch_SendsTheNextBatchesWithoutWaitingTheInterval()
    {
        await using var services = await InProcessWorker.BuildAsync(_database, _clock, new Dictionary<string, string?>
        {
            ["Dispatch:BatchSize"] = "5",
            ["Dispatch:PollIntervalSeconds"] = "60",
            ["Dispatch:MaxPerSecondSms"] = "0",
        });
        await using (var db = _database.Open())
        {
            db.Messages.AddRange(Enumerable.Range(0, 23).Select(i =>
                OutboundMessage.Text(null, MessageKind.Acknowledgement, $"+1212555{i:D4}", $"Text {i}", _clock.GetCurrentInstant())));
            await db.SaveChangesAsync();
        }

        using var scanner = new DueMessageScanner(
            services.GetRequiredService<IServiceScopeFactory>(), new RunAtOnce(services),
            services.GetRequiredService<IOptions<DispatchOptions>>(), services.GetRequiredService<IOptions<StorageOptions>>(),
            NullLogger<DueMessageScanner>.Instance);
        var waited = Stopwatch.StartNew();
        await scanner.StartAsync(CancellationToken.None);
        var sent = 0;
        while (sent < 23 && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(50);
            await using var db = _database.Open();
            sent = await db.Messages.CountAsync(m => m.Status == MessageStatus.Sent);
        }

        await scanner.StopAsync(CancellationToken.None);

        // Five batches of five: one interval (60 s) between batches would take four minutes.
        Assert.That(sent, Is.EqualTo(23));
        Assert.That(waited.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
    }

    /// <summary>A job client that runs each dispatch job straight away on the thread pool, as a Hangfire worker would.</summary>
    private sealed class RunAtOnce(IServiceProvider services) : IBackgroundJobClient
    {
        public string Create(Job job, IState state)
        {
            var messageId = (Guid)job.Args[0];
            _ = Task.Run(async () =>
            {
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DispatchMessageJob>().RunAsync(messageId, CancellationToken.None);
            });
            return messageId.ToString();
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => false;
    }
}
