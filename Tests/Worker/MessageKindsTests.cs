using Intake.Domain.Consultations;
using Intake.Domain.Consultations.CancelConsultation;
using Intake.Domain.Consultations.Changes;
using Intake.Domain.Consultations.ConfirmConsultation;
using Intake.Domain.Consultations.DeclineConsultation;
using Intake.Domain.Consultations.ExpireOverdueRequests;
using Intake.Domain.Consultations.ProposeAlternativeTimes;
using Intake.Domain.Consultations.RequestConsultation;
using Intake.Domain.Consultations.RescheduleConsultation;
using Intake.Domain.Messages;
using Intake.Tests.Support;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Intake.Tests.Worker;

/// <summary>
/// Every message kind each transition writes, by channel and consent, with the call's time in the prospect's own
/// zone: London (GMT), Los Angeles (PDT, two days after its change) and Sydney (AEDT, the next calendar day).
/// </summary>
public class MessageKindsTests : WorkerTests
{
    private const string Nine = "2027-03-15T09:00:00-04:00";  // 13:00Z
    private const string Ten = "2027-03-15T10:00:00-04:00";   // 14:00Z
    private static readonly ConsultationActor.Therapist Therapist = new("t1");



    private async Task<ConsultationRequestId> HoldAsync(string zone, string channel, bool consent)
    {
        var outcome = await SendAsync(Requests.ByText(zone) with { PreferredChannel = channel, SmsConsent = consent, SlotStart = Nine, TherapistId = "t1" });
        return ((RequestOutcome.Accepted)outcome).Id;
    }

    private async Task<List<OutboundMessage>> ToProspectAsync(ConsultationRequestId id)
    {
        await using var db = Database.Open();
        return await db.Messages.AsNoTracking()
            .Where(m => m.ConsultationRequestId == id && m.Recipient != "ada@calmharbor.example")
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.DueAt)
            .ToListAsync();
    }

    private static IEnumerable<TestCaseData> Prospects()
    {
        foreach (var (zone, nine, ten) in new[]
        {
            ("Europe/London", "Mon 15 Mar, 1:00 PM GMT", "Mon 15 Mar, 2:00 PM GMT"),
            ("America/Los_Angeles", "Mon 15 Mar, 6:00 AM PDT", "Mon 15 Mar, 7:00 AM PDT"),
            ("Australia/Sydney", "Tue 16 Mar, 12:00 AM AEDT", "Tue 16 Mar, 1:00 AM AEDT"),
        })
        {
            yield return new TestCaseData(zone, "sms", true, ContactChannel.Sms, nine, ten);
            yield return new TestCaseData(zone, "sms", false, ContactChannel.Email, nine, ten);
            yield return new TestCaseData(zone, "email", true, ContactChannel.Email, nine, ten);
        }
    }

    [TestCaseSource(nameof(Prospects))]
    public async Task HoldConfirmRescheduleCancel_WriteEachKindOnTheProspectsChannelInTheirZone(
        string zone, string channel, bool consent, ContactChannel expected, string nine, string ten)
    {
        var id = await HoldAsync(zone, channel, consent);
        await SendAsync(new ConfirmConsultation(id, Therapist, null));
        await SendAsync(new RescheduleConsultation(id, Therapist, Ten));
        await SendAsync(new CancelConsultation(id, new ConsultationActor.Prospect()));

        var messages = await ToProspectAsync(id);
        var byKind = messages.GroupBy(m => m.Kind).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Multiple(() =>
        {
            Assert.That(messages.Select(m => m.Channel), Is.All.EqualTo(expected));
            Assert.That(byKind.Keys, Is.SupersetOf(new[]
            {
                MessageKind.Acknowledgement, MessageKind.Confirmed, MessageKind.Reminder, MessageKind.Rescheduled, MessageKind.Cancelled,
            }));
            Assert.That(Text(byKind[MessageKind.Acknowledgement][0]), Does.Contain(nine));
            Assert.That(Text(byKind[MessageKind.Confirmed][0]), Does.Contain(nine));
            Assert.That(Text(byKind[MessageKind.Rescheduled][0]), Does.Contain(ten));
            Assert.That(Text(byKind[MessageKind.Cancelled][0]), Does.Contain(ten));
            Assert.That(byKind[MessageKind.Reminder].Select(m => m.Status), Is.All.EqualTo(MessageStatus.Cancelled),
                "the cancel withdrew every reminder, old and new");
            Assert.That(messages.Select(Text), Has.None.Contain("panic").And.None.Contain("Jane"));
        });
    }

    [TestCaseSource(nameof(Prospects))]
    public async Task DeclineProposeExpire_WriteTheirKindsInTheProspectsZone(
        string zone, string channel, bool consent, ContactChannel expected, string nine, string ten)
    {
        var declined = await HoldAsync(zone, channel, consent);
        await SendAsync(new DeclineConsultation(declined, Therapist, null));
        var proposed = await SendAsync(Requests.ByText(zone) with { PreferredChannel = channel, SmsConsent = consent });
        var proposedId = ((RequestOutcome.Accepted)proposed).Id;
        await SendAsync(new ProposeAlternativeTimes(proposedId, new ConsultationActor.Therapist("t1"), [Ten]));
        var expired = await HoldAsync(zone, channel, consent);
        Clock.Reset(Instant.FromUtc(2027, 3, 15, 11, 0));
        await SendAsync(new ExpireOverdueRequests());

        var declinedMessage = (await ToProspectAsync(declined)).Single(m => m.Kind == MessageKind.Declined);
        var proposedMessage = (await ToProspectAsync(proposedId)).Single(m => m.Kind == MessageKind.AlternativesProposed);
        var expiredMessage = (await ToProspectAsync(expired)).Single(m => m.Kind == MessageKind.Expired);
        Assert.Multiple(() =>
        {
            Assert.That(new[] { declinedMessage, proposedMessage, expiredMessage }.Select(m => m.Channel), Is.All.EqualTo(expected));
            Assert.That(Text(declinedMessage), Does.Contain(nine));
            Assert.That(Text(proposedMessage), Does.Contain(ten));
            Assert.That(Text(expiredMessage), Does.Contain(nine));
        });
    }

    private static string Text(OutboundMessage message) => $"{message.Subject}\n{message.Body}";
}
