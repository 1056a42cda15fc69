using Intake.Domain.Availability;
using NodaTime;
using static Intake.Tests.Domain.Availability.AvailabilityTestData;

namespace Intake.Tests.Domain.Availability;

public class TherapistScheduleTests
{
    private static readonly DateTimeZone NewYork = Zone("America/New_York");

    private static TherapistSchedule Mondays(params string[] windows) =>
        new("t", NewYork, new Dictionary<IsoDayOfWeek, IReadOnlyList<TimeWindow>> { [IsoDayOfWeek.Monday] = Hours(windows) });

    [TestCase("09:00-12:00", "11:00-13:00")]
    [TestCase("09:00-12:00", "09:00-10:00")]
    [TestCase("13:00-24:00", "23:00-23:30")]
    public void New_WithOverlappingWindowsOnADay_Throws(string first, string second)
    {
        Assert.That(() => Mondays(first, second), Throws.ArgumentException);
    }

    [Test]
    public void New_WithTouchingWindowsInAnyOrder_KeepsThemSortedByStart()
    {
        var schedule = Mondays("13:00-17:00", "23:00-24:00", "09:00-13:00");

        Assert.That(schedule.Weekly[IsoDayOfWeek.Monday].Select(window => window.ToString()),
            Is.EqualTo(new[] { "09:00-13:00", "13:00-17:00", "23:00-24:00" }));
    }

    [Test]
    public void New_WithNoneAsADayOfTheWeek_Throws()
    {
        Assert.That(() => new TherapistSchedule("t", NewYork,
            new Dictionary<IsoDayOfWeek, IReadOnlyList<TimeWindow>> { [IsoDayOfWeek.None] = Hours("09:00-10:00") }),
            Throws.ArgumentException);
    }

    [Test]
    public void WindowsOn_PrefersTheDatesOverrideOverTheWeekday()
    {
        // 2027-06-14 and 2027-06-21 are Mondays; 2027-06-15 is a Tuesday.
        var schedule = new TherapistSchedule("t", NewYork,
            new Dictionary<IsoDayOfWeek, IReadOnlyList<TimeWindow>> { [IsoDayOfWeek.Monday] = Hours("09:00-17:00") },
            new Dictionary<LocalDate, IReadOnlyList<TimeWindow>> { [Date("2027-06-14")] = [], [Date("2027-06-15")] = Hours("10:00-11:00") });

        Assert.Multiple(() =>
        {
            Assert.That(schedule.WindowsOn(Date("2027-06-14")), Is.Empty);
            Assert.That(schedule.WindowsOn(Date("2027-06-15")), Is.EqualTo(Hours("10:00-11:00")));
            Assert.That(schedule.WindowsOn(Date("2027-06-21")), Is.EqualTo(Hours("09:00-17:00")));
            Assert.That(schedule.WindowsOn(Date("2027-06-22")), Is.Empty);
        });
    }
}
