using Intake.Domain.Availability;
using NodaTime;

namespace Intake.Tests.Domain.Availability;

public class TimeWindowTests
{
    [TestCase("09:00-12:00", 9, 0, 12, 0, false)]
    [TestCase("13:30-17:45", 13, 30, 17, 45, false)]
    [TestCase("00:00-01:00", 0, 0, 1, 0, false)]
    [TestCase("23:00-24:00", 23, 0, 0, 0, true)]
    [TestCase("00:00-24:00", 0, 0, 0, 0, true)]
    [TestCase(" 09:00 - 12:00 ", 9, 0, 12, 0, false)]
    public void Parse_AWindow_ReadsStartAndEnd(string text, int startHour, int startMinute, int endHour, int endMinute, bool endsAtEndOfDay)
    {
        var window = TimeWindow.Parse(text);

        Assert.Multiple(() =>
        {
            Assert.That(window.Start, Is.EqualTo(new LocalTime(startHour, startMinute)));
            Assert.That(window.End, Is.EqualTo(new LocalTime(endHour, endMinute)));
            Assert.That(window.EndsAtEndOfDay, Is.EqualTo(endsAtEndOfDay));
        });
    }

    [TestCase("12:00-09:00", TestName = "{m}: start after end")]
    [TestCase("09:00-09:00", TestName = "{m}: empty")]
    [TestCase("09:00-00:00", TestName = "{m}: 00:00 as an end: write 24:00")]
    [TestCase("24:00-24:00", TestName = "{m}: 24:00 as a start")]
    [TestCase("09:00", TestName = "{m}: no end")]
    [TestCase("9-12", TestName = "{m}: hours only")]
    [TestCase("9:00-12:00", TestName = "{m}: one-digit hour")]
    [TestCase("09:60-10:00", TestName = "{m}: minute 60")]
    [TestCase("25:00-26:00", TestName = "{m}: hour 25")]
    [TestCase("09:00-12:00-13:00", TestName = "{m}: three times")]
    [TestCase("", TestName = "{m}: empty text")]
    public void Parse_NotAWindow_ThrowsFormatExceptionAndTryParseSaysNo(string text)
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => TimeWindow.Parse(text), Throws.TypeOf<FormatException>());
            Assert.That(TimeWindow.TryParse(text, out var window), Is.False);
            Assert.That(window, Is.Null);
        });
    }

    [TestCase("09:00-12:00")]
    [TestCase("23:00-24:00")]
    [TestCase("00:00-24:00")]
    public void ToString_OfAParsedWindow_IsTheSameText(string text)
    {
        Assert.That(TimeWindow.Parse(text).ToString(), Is.EqualTo(text));
    }

    [Test]
    public void New_StartNotBeforeEnd_Throws()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => new TimeWindow(new LocalTime(10, 0), new LocalTime(9, 0)), Throws.ArgumentException);
            Assert.That(() => new TimeWindow(new LocalTime(10, 0), new LocalTime(10, 0)), Throws.ArgumentException);
            Assert.That(new TimeWindow(new LocalTime(10, 0), LocalTime.Midnight).EndsAtEndOfDay, Is.True);
        });
    }

    [Test]
    public void Equality_IsByStartAndEnd()
    {
        Assert.Multiple(() =>
        {
            Assert.That(TimeWindow.Parse("09:00-12:00"), Is.EqualTo(new TimeWindow(new LocalTime(9, 0), new LocalTime(12, 0))));
            Assert.That(TimeWindow.Parse("09:00-12:00"), Is.Not.EqualTo(TimeWindow.Parse("09:00-12:30")));
        });
    }
}
