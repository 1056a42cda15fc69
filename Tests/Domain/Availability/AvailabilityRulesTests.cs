using Intake.Domain.Availability;
using NodaTime;

namespace Intake.Tests.Domain.Availability;

public class AvailabilityRulesTests
{
    [Test]
    public void Default_IsFifteenMinutesNoBufferTwoHoursNoticeThirtyDaysNoCap()
    {
        var rules = AvailabilityRules.Default;

        Assert.Multiple(() =>
        {
            Assert.That(rules.ConsultationLength, Is.EqualTo(Duration.FromMinutes(15)));
            Assert.That(rules.Buffer, Is.EqualTo(Duration.Zero));
            Assert.That(rules.MinimumNotice, Is.EqualTo(Duration.FromMinutes(120)));
            Assert.That(rules.BookingHorizon, Is.EqualTo(Duration.FromDays(30)));
            Assert.That(rules.DailyCap, Is.Null);
        });
    }

    [TestCase("length", 0)]
    [TestCase("length", -15)]
    [TestCase("buffer", -1)]
    [TestCase("notice", -1)]
    [TestCase("horizon", 0)]
    [TestCase("horizon", 731 * 24 * 60 + 1)]
    [TestCase("cap", 0)]
    public void With_AnImpossibleValue_Throws(string setting, int minutes)
    {
        var value = Duration.FromMinutes(minutes);

        Assert.That(() => setting switch
        {
            "length" => AvailabilityRules.Default with { ConsultationLength = value },
            "buffer" => AvailabilityRules.Default with { Buffer = value },
            "notice" => AvailabilityRules.Default with { MinimumNotice = value },
            "horizon" => AvailabilityRules.Default with { BookingHorizon = value },
            _ => AvailabilityRules.Default with { DailyCap = minutes },
        }, Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void With_TwoYearHorizonAndACap_IsAccepted()
    {
        var rules = AvailabilityRules.Default with { BookingHorizon = Duration.FromDays(731), DailyCap = 1 };

        Assert.That((rules.BookingHorizon, rules.DailyCap), Is.EqualTo((Duration.FromDays(731), (int?)1)));
    }
}
