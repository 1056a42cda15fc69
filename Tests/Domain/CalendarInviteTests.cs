using Ical.Net.CalendarComponents;
using Intake.Domain.Availability;
using Intake.Domain.Consultations;
using Intake.Domain.Messages.Calendar;
using Intake.Tests.Support;
using NodaTime;
using NodaTime.Text;
using IcsCalendar = Ical.Net.Calendar;

namespace Intake.Tests.Domain;

/// <summary>
/// The invitation as a calendar reads it: each .ics is parsed back with Ical.Net and must put the call at the instant
/// it has, in the prospect's zone, and move or remove the same event as the call changes.
/// </summary>
public class CalendarInviteTests
{
    private const string Practice = "Calm Harbor Counseling";
    private const string Organizer = "hello@calmharbor.example";
    private const string ManageUrl = "https://calmharbor.example/manage/CfDJ8NtokenNtokenNtokenNtokenNtokenNtokenNtokenNtokenNtokenNtoken";
    private static readonly Instant Submitted = Instant.FromUtc(2027, 3, 1, 9, 0);
    private static readonly Duration Quarter = Duration.FromMinutes(15);

    private static Prospect ProspectIn(string zone) =>
        new("Jane Doe", "+12125550199", "jane@example.com", ContactChannel.Email, false, DateTimeZoneProviders.Tzdb[zone]);

    private static ConsultationRequest Confirmed(string zone, Instant start)
    {
        var request = ConsultationRequest.HoldSlot(ProspectIn(zone), Requests.SensitiveWords, new Slot("t1", start, start + Quarter), Duration.Zero, Submitted);
        Assert.That(request.Confirm(Submitted + Duration.FromHours(1)).IsOk, Is.True);
        return request;
    }

    private static CalendarEvent SingleEvent(string ics, out IcsCalendar calendar)
    {
        calendar = IcsCalendar.Load(ics) ?? throw new AssertionException("The invitation does not parse as iCalendar.");
        return calendar.Events.Single();
    }

    private static Instant Utc(string text) => InstantPattern.General.Parse(text).Value;

    // London: GMT until 28 March 2027, BST after. New York: EST until 14 March 2027, EDT after.
    // Lord Howe: +11 until 4 April 2027 02:00, then +10:30 (a half-hour change).
    [TestCase("Europe/London", "2027-03-15T13:00:00Z", "20270315T130000")]
    [TestCase("Europe/London", "2027-03-29T12:00:00Z", "20270329T130000")]
    [TestCase("America/New_York", "2027-03-12T14:00:00Z", "20270312T090000")]
    [TestCase("America/New_York", "2027-03-15T13:00:00Z", "20270315T090000")]
    [TestCase("Australia/Lord_Howe", "2027-03-14T22:00:00Z", "20270315T090000")]
    [TestCase("Australia/Lord_Howe", "2027-04-04T22:30:00Z", "20270405T090000")]
    public void Request_ParsedBack_PutsTheCallAtItsInstantInTheProspectsZone(string zone, string startUtc, string localStart)
    {
        var start = Utc(startUtc);
        var request = Confirmed(zone, start);

        var ics = ConsultationInvite.Request(request, Practice, Organizer, ManageUrl, Submitted + Duration.FromHours(1));

        var calendarEvent = SingleEvent(ics, out var calendar);
        Assert.Multiple(() =>
        {
            Assert.That(ics, Does.Contain($"DTSTART;TZID={zone}:{localStart}"));
            Assert.That(calendarEvent.DtStart!.TzId, Is.EqualTo(zone));
            Assert.That(calendarEvent.DtStart.AsUtc, Is.EqualTo(start.ToDateTimeUtc()));
            Assert.That(calendarEvent.DtEnd!.TzId, Is.EqualTo(zone));
            Assert.That(calendarEvent.DtEnd.AsUtc, Is.EqualTo((start + Quarter).ToDateTimeUtc()));
            Assert.That(calendar.TimeZones.Select(z => z.TzId), Is.EqualTo(new[] { zone }), "the zone's VTIMEZONE travels with it");
        });
    }

    // Lord Howe goes back from 02:00 (+11) to 01:30 (+10:30) on 4 April 2027: 01:30-02:00 happens twice.
    [TestCase("2027-04-03T14:45:00Z", true, Description = "01:45, first time: the local time reads right")]
    [TestCase("2027-04-03T15:15:00Z", false, Description = "01:45, second time: RFC 5545 would read the first, so UTC")]
    public void Request_InTheRepeatedHour_StillResolvesToTheCallsInstant(string startUtc, bool writtenInTheZone)
    {
        var start = Utc(startUtc);
        var request = Confirmed("Australia/Lord_Howe", start);

        var ics = ConsultationInvite.Request(request, Practice, Organizer, ManageUrl, Submitted + Duration.FromHours(1));

        var calendarEvent = SingleEvent(ics, out _);
        Assert.Multiple(() =>
        {
            Assert.That(calendarEvent.DtStart!.AsUtc, Is.EqualTo(start.ToDateTimeUtc()));
            Assert.That(calendarEvent.DtEnd!.AsUtc, Is.EqualTo((start + Quarter).ToDateTimeUtc()));
            Assert.That(calendarEvent.DtStart.TzId, Is.EqualTo(writtenInTheZone ? "Australia/Lord_Howe" : "UTC"));
        });
    }

    [Test]
    public void ConfirmRescheduleCancel_KeepOneUid_RaiseTheSequence_AndTheLastCancels()
    {
        var first = Utc("2027-03-15T13:00:00Z");
        var moved = Utc("2027-03-16T14:30:00Z");
        var request = Confirmed("America/New_York", first);
        var confirmedAt = Submitted + Duration.FromHours(1);
        var confirmed = ConsultationInvite.Request(request, Practice, Organizer, ManageUrl, confirmedAt);

        var rescheduledAt = confirmedAt + Duration.FromHours(2);
        Assert.That(request.Reschedule(new Slot("t1", moved, moved + Quarter), Duration.Zero, rescheduledAt).IsOk, Is.True);
        var rescheduled = ConsultationInvite.Request(request, Practice, Organizer, ManageUrl, rescheduledAt);

        var cancelledAt = rescheduledAt + Duration.FromHours(2);
        Assert.That(request.Cancel(CancelledBy.Prospect, cancelledAt).IsOk, Is.True);
        var cancelled = ConsultationInvite.Cancel(request, Practice, Organizer, cancelledAt);

        var events = new[] { confirmed, rescheduled, cancelled }.Select(ics => (Event: SingleEvent(ics, out var calendar), calendar.Method)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => e.Event.Uid), Is.All.EqualTo($"{request.Id}@intake"));
            Assert.That(events.Select(e => e.Event.Sequence), Is.EqualTo(new[] { 0, 1, 2 }));
            Assert.That(events.Select(e => e.Method), Is.EqualTo(new[] { "REQUEST", "REQUEST", "CANCEL" }));
            Assert.That(events.Select(e => e.Event.Status), Is.EqualTo(new[] { "CONFIRMED", "CONFIRMED", "CANCELLED" }));
            Assert.That(events.Select(e => e.Event.DtStart!.AsUtc),
                Is.EqualTo(new[] { first, moved, moved }.Select(i => i.ToDateTimeUtc())), "the cancel names the time it takes away");
            Assert.That(events.Select(e => e.Event.DtStamp!.AsUtc),
                Is.EqualTo(new[] { confirmedAt, rescheduledAt, cancelledAt }.Select(i => i.ToDateTimeUtc())), "DTSTAMP is the change's now");
            Assert.That(cancelled, Does.Contain("METHOD:CANCEL").And.Contain("STATUS:CANCELLED"));
        });
    }

    [Test]
    public void Request_NamesThePracticeTheTimeAndTheLink_NeverTheProspectOrTheirWords()
    {
        var request = Confirmed("Europe/London", Utc("2027-03-15T13:00:00Z"));

        var ics = ConsultationInvite.Request(request, Practice, Organizer, ManageUrl, Submitted + Duration.FromHours(1));

        var calendarEvent = SingleEvent(ics, out var calendar);
        Assert.Multiple(() =>
        {
            Assert.That(calendar.ProductId, Is.EqualTo("-//Intake//Consultations//EN"));
            Assert.That(calendarEvent.Summary, Is.EqualTo("Free phone consultation with Calm Harbor Counseling"));
            Assert.That(calendarEvent.Description,
                Is.EqualTo($"We will call you at the number you gave. To change or cancel: {ManageUrl}"));
            Assert.That(calendarEvent.Organizer!.Value, Is.EqualTo(new Uri($"mailto:{Organizer}")));
            Assert.That(calendarEvent.Organizer.CommonName, Is.EqualTo(Practice));
            Assert.That(calendarEvent.Attendees.Select(a => a.CommonName), Is.All.Null, "the invitee is addressed, not named");
            Assert.That(Unfolded(ics), Does.Not.Contain("Jane").And.Not.Contain("panic").And.Not.Contain("+12125550199"));
        });
    }

    [Test]
    public void Request_LinesAreCrlfAndAtMost75Octets()
    {
        var request = Confirmed("Europe/London", Utc("2027-03-15T13:00:00Z"));

        var ics = ConsultationInvite.Request(request, Practice, Organizer, ManageUrl, Submitted + Duration.FromHours(1));

        var lines = ics.TrimEnd('\r', '\n').Split("\r\n");
        Assert.That(lines, Has.All.Matches<string>(line => !line.Contains('\n', StringComparison.Ordinal)
            && System.Text.Encoding.UTF8.GetByteCount(line) <= 75));
        Assert.That(lines[0], Is.EqualTo("BEGIN:VCALENDAR"));
    }

    [Test]
    public void Request_WithoutAnOrganizerAddress_LeavesTheOrganizerOut()
    {
        var request = Confirmed("Europe/London", Utc("2027-03-15T13:00:00Z"));

        var ics = ConsultationInvite.Request(request, Practice, organizerEmail: null, manageUrl: null, Submitted + Duration.FromHours(1));

        var calendarEvent = SingleEvent(ics, out _);
        Assert.That((calendarEvent.Organizer, calendarEvent.Description), Is.EqualTo(((Ical.Net.DataTypes.Organizer?)null, (string?)null)));
    }

    private static string Unfolded(string ics) => ics.Replace("\r\n ", string.Empty, StringComparison.Ordinal);
}
