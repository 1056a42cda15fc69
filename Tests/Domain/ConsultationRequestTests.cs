using Intake.Domain.Consultations;
using NodaTime;
using NodaTime.Testing;

namespace Intake.Tests.Domain;

public class ConsultationRequestTests
{
    private static readonly FakeClock Clock = new(Instant.FromUtc(2027, 3, 14, 6, 30));

    private static Prospect Prospect(ContactChannel preferred, bool consent) =>
        new("Jane Doe", "+12125550199", "jane@example.com", preferred, consent, DateTimeZoneProviders.Tzdb["America/New_York"]);

    [Test]
    public void Submit_WithoutATime_IsACallbackRequestRaisingConsultationRequested()
    {
        var request = ConsultationRequest.Submit(Prospect(ContactChannel.Sms, true), "words", Clock.GetCurrentInstant());

        Assert.Multiple(() =>
        {
            Assert.That(request.Status, Is.EqualTo(ConsultationStatus.Requested));
            Assert.That(request.SubmittedAt, Is.EqualTo(Clock.GetCurrentInstant()));
            Assert.That(request.Events, Has.Count.EqualTo(1));
            Assert.That(request.Events[0], Is.EqualTo(new ConsultationRequested(request)));
        });
    }

    [Test]
    public void Submit_TwoRequests_GetDistinctIds()
    {
        var first = ConsultationRequest.Submit(Prospect(ContactChannel.Sms, true), null, Clock.GetCurrentInstant());
        var second = ConsultationRequest.Submit(Prospect(ContactChannel.Sms, true), null, Clock.GetCurrentInstant());

        Assert.That(first.Id, Is.Not.EqualTo(second.Id));
    }

    [TestCase(ContactChannel.Sms, true, ContactChannel.Sms)]
    [TestCase(ContactChannel.Sms, false, ContactChannel.Email)]
    [TestCase(ContactChannel.Email, true, ContactChannel.Email)]
    [TestCase(ContactChannel.Email, false, ContactChannel.Email)]
    public void ReachBy_TextsOnlyWhoChoseAndConsentedToTexts(ContactChannel preferred, bool consent, ContactChannel expected) =>
        Assert.That(Prospect(preferred, consent).ReachBy, Is.EqualTo(expected));
}
