using Intake.Domain.Messages.Reminders;
using NodaTime;
using NodaTime.Text;

namespace Intake.Tests.Domain;

/// <summary>When reminders are due: offsets as real durations, quiet hours in the recipient's zone, nothing late.</summary>
public class ReminderPlannerTests
{
    private static readonly QuietHours NineToEight = new(new LocalTime(21, 0), new LocalTime(8, 0));
    private static readonly Instant LongBefore = Instant.FromUtc(2027, 3, 1, 0, 0);

    private static Instant At(string text) => InstantPattern.ExtendedIso.Parse(text).Value;

    private static List<Duration> Minutes(string offsets) =>
        offsets.Split(',').Select(m => Duration.FromMinutes(int.Parse(m, System.Globalization.CultureInfo.InvariantCulture))).ToList();

    private static List<string> Plan(string call, string zone, string now, string offsets, QuietHours quiet) =>
        ReminderPlanner.PlanReminders(At(call), Minutes(offsets), quiet, DateTimeZoneProviders.Tzdb[zone], At(now))
            .Select(r => InstantPattern.ExtendedIso.Format(r.DueAt))
            .ToList();

    // Call Tue 16 Mar 2027 10:00 EDT: 24 h before is Mon 10:00, 1 h before Tue 09:00; neither is quiet.
    [TestCase("2027-03-16T14:00:00Z", "America/New_York", "1440,60", "2027-03-15T14:00:00Z,2027-03-16T13:00:00Z")]
    // Call 08:30 EDT: the 1 h reminder (07:30) is quiet, so it goes when quiet hours began, Mon 21:00 EDT.
    [TestCase("2027-03-16T12:30:00Z", "America/New_York", "1440,60", "2027-03-15T12:30:00Z,2027-03-16T01:00:00Z")]
    // The same call for a prospect in London (12:30 GMT): 11:30 GMT is not quiet there.
    [TestCase("2027-03-16T12:30:00Z", "Europe/London", "1440,60", "2027-03-15T12:30:00Z,2027-03-16T11:30:00Z")]
    // 06:30 and 07:30 both move to 21:00 the evening before: one reminder, not two.
    [TestCase("2027-03-16T12:30:00Z", "America/New_York", "120,60", "2027-03-16T01:00:00Z")]
    // A reminder due exactly when quiet hours end (08:00) is not quiet; one due exactly at their start is.
    [TestCase("2027-03-16T13:00:00Z", "America/New_York", "60", "2027-03-16T12:00:00Z")]
    [TestCase("2027-03-16T02:00:00Z", "America/New_York", "60", "2027-03-16T01:00:00Z")]
    [TestCase("2027-03-16T02:30:00Z", "America/New_York", "60", "2027-03-16T01:00:00Z")]
    // Quiet hours that began before midnight, due just after it: Tue 00:30 EDT → Mon 21:00 EDT.
    [TestCase("2027-03-16T05:30:00Z", "America/New_York", "60", "2027-03-16T01:00:00Z")]
    // Across the spring change (Sun 14 Mar 02:00 EST → 03:00 EDT): 24 real hours before Sun 10:00 EDT is Sat 09:00 EST.
    [TestCase("2027-03-14T14:00:00Z", "America/New_York", "1440,60", "2027-03-13T14:00:00Z,2027-03-14T13:00:00Z")]
    // Across the autumn change (Sun 7 Nov 02:00 EDT → 01:00 EST): 24 real hours before Sun 10:00 EST is Sat 11:00 EDT.
    [TestCase("2027-11-07T15:00:00Z", "America/New_York", "1440", "2027-11-06T15:00:00Z")]
    public void PlanReminders_FarAhead_DueAtTheOffsetOutsideQuietHours(string call, string zone, string offsets, string expected)
    {
        Assert.That(Plan(call, zone, "2027-03-01T00:00:00Z", offsets, NineToEight), Is.EqualTo(expected.Split(',')));
    }

    // Confirmed Mon 15 Mar 12:00 EDT for Tue 10:00 EDT: the 24 h reminder (Mon 10:00) has passed; the 1 h one stays.
    [TestCase("2027-03-16T14:00:00Z", "2027-03-15T16:00:00Z", "2027-03-16T13:00:00Z")]
    // Confirmed exactly at the 24 h reminder's time: that one is not sent (it would be as late as it can be).
    [TestCase("2027-03-16T14:00:00Z", "2027-03-15T14:00:00Z", "2027-03-16T13:00:00Z")]
    // Confirmed Mon 22:00 EDT for Tue 08:30 EDT: the 1 h reminder moved to Mon 21:00, already past; nothing at all.
    [TestCase("2027-03-16T12:30:00Z", "2027-03-16T02:00:00Z", "")]
    // Confirmed 30 minutes before the call: both reminders are past.
    [TestCase("2027-03-16T14:00:00Z", "2027-03-16T13:30:00Z", "")]
    public void PlanReminders_WhenTheirTimeHasPassed_AreLeftOutNotSentLate(string call, string now, string expected)
    {
        var planned = Plan(call, "America/New_York", now, "1440,60", NineToEight);

        Assert.That(planned, Is.EqualTo(expected.Length == 0 ? [] : expected.Split(',')));
    }

    [Test]
    public void PlanReminders_NeverAfterTheCallStarts()
    {
        var call = At("2027-03-16T14:00:00Z");

        var planned = ReminderPlanner.PlanReminders(
            call, Minutes("1440,60"), NineToEight, DateTimeZoneProviders.Tzdb["America/New_York"], LongBefore);

        Assert.That(planned.Select(r => r.NotAfter), Is.All.EqualTo(call));
        Assert.That(planned.Select(r => r.DueAt), Is.Ordered.And.All.LessThan(call));
    }

    // Quiet hours starting inside the spring gap (02:30 does not exist on Sun 14 Mar in New York): they begin at the
    // first instant after it, 03:00 EDT.
    [TestCase("2027-03-14T08:30:00Z", "02:30", "05:00", "2027-03-14T07:00:00Z")]
    // Quiet hours starting inside the autumn overlap (01:30 happens twice on Sun 7 Nov): the earlier, 01:30 EDT.
    [TestCase("2027-11-07T09:00:00Z", "01:30", "05:00", "2027-11-07T05:30:00Z")]
    // A daytime window (13:00-14:00) that does not cross midnight.
    [TestCase("2027-03-16T18:30:00Z", "13:00", "14:00", "2027-03-16T17:00:00Z")]
    // Equal start and end: no quiet hours, 1 h before 02:00 EDT is 01:00 EDT.
    [TestCase("2027-03-16T06:00:00Z", "21:00", "21:00", "2027-03-16T05:00:00Z")]
    public void PlanReminders_QuietHoursAcrossDaylightSavingChanges_ResolveByTheDocumentedRule(
        string call, string quietStart, string quietEnd, string expected)
    {
        var hours = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
        var quiet = new QuietHours(hours.Parse(quietStart).Value, hours.Parse(quietEnd).Value);

        Assert.That(Plan(call, "America/New_York", "2027-03-01T00:00:00Z", "60", quiet), Is.EqualTo(new[] { expected }));
    }
}
