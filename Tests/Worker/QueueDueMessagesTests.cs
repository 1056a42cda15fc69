using Intake.Domain.Messages;
using Intake.Tests.Support;
using Intake.Worker.Dispatch;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Intake.Tests.Worker;

/// <summary>The scan that hands due messages to jobs: each message to one job, however many Workers scan at once.</summary>
public class QueueDueMessagesTests : WorkerTests
{
    private static readonly Duration Lease = Duration.FromSeconds(120);

    private async Task<List<MessageId>> AddDueTextsAsync(int count)
    {
        await using var db = Database.Open();
        var texts = Enumerable.Range(0, count)
            .Select(i => OutboundMessage.Text(null, MessageKind.DailyAgenda, "+12125550199", $"text {i}", Clock.GetCurrentInstant()))
            .ToList();
        db.Messages.AddRange(texts);
        await db.SaveChangesAsync();
        return texts.Select(t => t.Id).ToList();
    }

    [Test]
    public async Task Queue_FourScansAtOnce_HandEachMessageToOneOfThem()
    {
        var ids = await AddDueTextsAsync(60);

        var scans = (await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SendAsync(new QueueDueMessages(100, Lease))))).Select(s => s.Ids);

        var handed = scans.SelectMany(s => s).ToList();
        Assert.That(handed, Is.EquivalentTo(ids), "every due message once, none twice");
    }

    [Test]
    public async Task Queue_AMessageAlreadyQueued_IsNotQueuedAgainUntilItsLeaseRunsOut()
    {
        var ids = await AddDueTextsAsync(3);

        var first = (await SendAsync(new QueueDueMessages(100, Lease))).Ids;
        var again = (await SendAsync(new QueueDueMessages(100, Lease))).Ids;
        Clock.Advance(Lease + Duration.FromSeconds(1));
        var afterLease = (await SendAsync(new QueueDueMessages(100, Lease))).Ids;

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EquivalentTo(ids));
            Assert.That(again, Is.Empty);
            Assert.That(afterLease, Is.EquivalentTo(ids), "a job lost with its Worker leaves the message to be queued again");
        });
    }

    [Test]
    public async Task Queue_CountsWhatIsQueuedAgainstTheLimit_SoTheJobBacklogStaysShort()
    {
        await AddDueTextsAsync(25);

        var first = (await SendAsync(new QueueDueMessages(10, Lease))).Ids;
        var whileTheyWait = (await SendAsync(new QueueDueMessages(10, Lease))).Ids;
        await using (var db = Database.Open())
        {
            // Their jobs claim them: a claim clears the mark.
            await db.Messages.Where(m => first.Contains(m.Id)).ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, MessageStatus.Sent)
                .SetProperty(m => m.QueuedUntil, (Instant?)null));
        }

        var next = (await SendAsync(new QueueDueMessages(10, Lease))).Ids;

        Assert.Multiple(() =>
        {
            Assert.That(first, Has.Count.EqualTo(10));
            Assert.That(whileTheyWait, Is.Empty);
            Assert.That(next, Has.Count.EqualTo(10));
            Assert.That(next.Intersect(first), Is.Empty);
        });
    }
}
