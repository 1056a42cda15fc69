using Intake.Domain.Messages;
using NodaTime;

namespace Intake.Tests.Domain;

public class MessageTimeTests
{
    // One instant each side of a change, read in the recipient's zone with the zone named.
    [TestCase("2027-03-14T06:30:00Z", "America/New_York", "Sun 14 Mar, 1:30 AM EST")]
    [TestCase("2027-03-14T07:30:00Z", "America/New_York", "Sun 14 Mar, 3:30 AM EDT")]
    [TestCase("2027-03-28T00:30:00Z", "Europe/London", "Sun 28 Mar, 12:30 AM GMT")]
    [TestCase("2027-03-28T01:30:00Z", "Europe/London", "Sun 28 Mar, 2:30 AM BST")]
    [TestCase("2027-04-03T14:00:00Z", "Australia/Lord_Howe", "Sun 4 Apr, 1:00 AM +11")]
    [TestCase("2027-04-03T15:00:00Z", "Australia/Lord_Howe", "Sun 4 Apr, 1:30 AM +1030")]
    [TestCase("2027-07-01T12:00:00Z", "Asia/Kolkata", "Thu 1 Jul, 5:30 PM IST")]
    [TestCase("2027-07-01T12:00:00Z", "Asia/Dubai", "Thu 1 Jul, 4:00 PM +04")]
    public void Format_ReadsTheInstantInTheRecipientsZone(string instant, string zone, string expected)
    {
        var at = NodaTime.Text.InstantPattern.ExtendedIso.Parse(instant).Value;

        Assert.That(MessageTime.Format(at, DateTimeZoneProviders.Tzdb[zone]), Is.EqualTo(expected));
    }
}
