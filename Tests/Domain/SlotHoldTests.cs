using Intake.Domain.Availability;
using Intake.Domain.Consultations;
using NodaTime;

namespace Intake.Tests.Domain;

public class SlotHoldTests
{
    private static readonly Instant Nine = Instant.FromUtc(2027, 3, 15, 13, 0);
    private static readonly long NineMinute = Nine.ToUnixTimeTicks() / Duration.FromMinutes(1).BclCompatibleTicks;

    private static List<long> Minutes(Instant start, Instant end, Duration buffer) =>
        SlotHold.Cover(new Slot("t1", start, end), buffer, ConsultationRequestId.New()).Select(h => h.Minute).ToList();

    [Test]
    public void Cover_AQuarterHour_HoldsItsFifteenMinutes() =>
        Assert.That(Minutes(Nine, Nine + Duration.FromMinutes(15), Duration.Zero),
            Is.EqualTo(Enumerable.Range(0, 15).Select(i => NineMinute + i)));

    [Test]
    public void Cover_WithABuffer_HoldsTheBufferAfterTheCall() =>
        Assert.That(Minutes(Nine, Nine + Duration.FromMinutes(15), Duration.FromMinutes(5)), Has.Count.EqualTo(20));

    [Test]
    public void Cover_OffTheMinuteByOneTick_RoundsOutwardOnBothEnds()
    {
        var minutes = Minutes(Nine - Duration.FromTicks(1), Nine + Duration.FromMinutes(15) + Duration.FromTicks(1), Duration.Zero);

        Assert.That((minutes[0], minutes[^1], minutes.Count), Is.EqualTo((NineMinute - 1, NineMinute + 15, 17)));
    }
}
