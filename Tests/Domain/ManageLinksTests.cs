using Intake.Domain.Availability;
using Intake.Domain.Consultations;
using Intake.Domain.Consultations.ManageLinks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using NodaTime;
using NodaTime.Testing;

namespace Intake.Tests.Domain;

/// <summary>Manage-link tokens: Data Protection with an ephemeral key ring, time from a FakeClock.</summary>
public class ManageLinksTests
{
    private static readonly Instant Now = Instant.FromUtc(2027, 3, 10, 12, 0);
    private static readonly Instant Expiry = Now + Duration.FromDays(7);
    private static readonly ProposalExpiry Proposals = new(Duration.FromMinutes(120), AnswerWithin: null);
    private static readonly Prospect Someone = new(
        "A", "+12125550199", "a@example.com", ContactChannel.Email, false, DateTimeZoneProviders.Tzdb["Europe/London"]);

    private FakeClock _clock = null!;
    private ManageLinks _links = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new FakeClock(Now);
        _links = new ManageLinks(new EphemeralDataProtectionProvider(), "https://calmharbor.example/manage?t={token}");
    }

    [Test]
    public void Read_ATokenJustMade_GivesItsRequest()
    {
        var id = ConsultationRequestId.New();

        var token = _links.TokenFor(id, Expiry);

        Assert.That(_links.Read(token, _clock.GetCurrentInstant()), Is.EqualTo(id));
        Assert.That(token, Does.Match("^[A-Za-z0-9_-]+$"), "base64url: safe in a URL as it is");
        Assert.That(token, Has.Length.EqualTo(155));
        Assert.That(token, Does.Not.Contain(WebEncoders.Base64UrlEncode(id.Value.ToByteArray())[..12]), "the id is encrypted, not just signed");
    }

    [TestCase(-1L, true, TestName = "Read_OneTickBeforeExpiry_GivesTheRequest")]
    [TestCase(0L, false, TestName = "Read_AtExpiry_IsNull")]
    [TestCase(1L, false, TestName = "Read_OneTickAfterExpiry_IsNull")]
    [TestCase(864_000_000_000L * 365, false, TestName = "Read_AYearAfterExpiry_IsNull")]
    public void Read_AroundExpiry(long ticksFromExpiry, bool valid)
    {
        var id = ConsultationRequestId.New();
        var token = _links.TokenFor(id, Expiry);

        _clock.Reset(Expiry + Duration.FromTicks(ticksFromExpiry));

        Assert.That(_links.Read(token, _clock.GetCurrentInstant()), valid ? Is.EqualTo(id) : Is.Null);
    }

    [TestCase(0)]
    [TestCase(10)]
    [TestCase(40)]
    [TestCase(80)]
    [TestCase(-5)]
    public void Read_ATokenWithOneCharacterChanged_IsNull(int position)
    {
        var token = _links.TokenFor(ConsultationRequestId.New(), Expiry);
        var at = position < 0 ? token.Length + position : position;
        var changed = token[..at] + (token[at] == 'A' ? 'B' : 'A') + token[(at + 1)..];

        Assert.That(_links.Read(changed, Now), Is.Null);
    }

    [Test]
    public void Read_TokenForA_NeverGivesB()
    {
        var a = ConsultationRequestId.New();
        var b = ConsultationRequestId.New();

        var tokenA = _links.TokenFor(a, Expiry);
        var tokenB = _links.TokenFor(b, Expiry);

        Assert.That(_links.Read(tokenA, Now), Is.EqualTo(a));
        Assert.That(_links.Read(tokenB, Now), Is.EqualTo(b));
        Assert.That(tokenA, Is.Not.EqualTo(tokenB));
    }

    [Test]
    public void Read_ATokenFromAnotherKeyRing_IsNull()
    {
        var elsewhere = new ManageLinks(new EphemeralDataProtectionProvider(), null);

        Assert.That(_links.Read(elsewhere.TokenFor(ConsultationRequestId.New(), Expiry), Now), Is.Null);
    }

    [Test]
    public void Read_ATokenMadeForAnotherPurpose_IsNull()
    {
        var provider = new EphemeralDataProtectionProvider();
        var links = new ManageLinks(provider, null);
        var id = ConsultationRequestId.New();
        var genuine = links.TokenFor(id, Expiry);
        var payload = provider.CreateProtector(ManageLinks.Purpose).Unprotect(WebEncoders.Base64UrlDecode(genuine));
        var samePayloadOtherPurpose = WebEncoders.Base64UrlEncode(provider.CreateProtector("Intake.SomethingElse").Protect(payload));

        Assert.That(links.Read(genuine, Now), Is.EqualTo(id));
        Assert.That(links.Read(samePayloadOtherPurpose, Now), Is.Null);
    }

    [TestCase(0)]
    [TestCase(16)]
    [TestCase(23)]
    [TestCase(25)]
    [TestCase(64)]
    public void Read_AGenuineTokenWithAPayloadOfTheWrongLength_IsNull(int length)
    {
        var provider = new EphemeralDataProtectionProvider();
        var links = new ManageLinks(provider, null);
        var payload = Enumerable.Repeat((byte)1, length).ToArray();

        Assert.That(links.Read(WebEncoders.Base64UrlEncode(provider.CreateProtector(ManageLinks.Purpose).Protect(payload)), Now), Is.Null);
    }

    [Test]
    public void Read_AGenuineTokenWithAnExpiryOutsideTime_IsNull()
    {
        var provider = new EphemeralDataProtectionProvider();
        var links = new ManageLinks(provider, null);
        var payload = new byte[24];
        Array.Fill(payload, (byte)0x7f, 16, 8);

        Assert.That(links.Read(WebEncoders.Base64UrlEncode(provider.CreateProtector(ManageLinks.Purpose).Protect(payload)), Now), Is.Null);
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("x")]
    [TestCase("not-a-token")]
    [TestCase("%%%%")]
    [TestCase("CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [TestCase(null)]
    public void Read_Garbage_IsNull(string? token)
    {
        Assert.That(_links.Read(token, Now), Is.Null);
    }

    [Test]
    public void Read_AnEnormousToken_IsNull()
    {
        Assert.That(_links.Read(new string('A', 100_000), Now), Is.Null);
    }

    [Test]
    public void UrlFor_PutsTheTokenInTheConfiguredTemplate()
    {
        Assert.That(_links.UrlFor("abc-_1"), Is.EqualTo("https://calmharbor.example/manage?t=abc-_1"));
        Assert.That(new ManageLinks(new EphemeralDataProtectionProvider(), null).UrlFor("abc"),
            Is.EqualTo("http://127.0.0.1:5080/manage/abc"), "the default");
    }

    [Test]
    public void New_WithATemplateWithoutTheTokenPlaceholder_Throws()
    {
        Assert.That(() => new ManageLinks(new EphemeralDataProtectionProvider(), "https://calmharbor.example/manage"),
            Throws.ArgumentException);
    }

    [Test]
    public void ExpiryFor_ARequestWithATime_IsSevenDaysAfterTheCallEnds()
    {
        var start = Instant.FromUtc(2027, 3, 15, 13, 0);
        var request = ConsultationRequest.HoldSlot(Someone, null, new Slot("t1", start, start + Duration.FromMinutes(15)), Duration.Zero, Now);

        Assert.That(ManageLinks.ExpiryFor(request), Is.EqualTo(Instant.FromUtc(2027, 3, 22, 13, 15)));
    }

    [Test]
    public void ExpiryFor_ACallbackRequest_IsThirtyDaysAfterSubmission()
    {
        var request = ConsultationRequest.Submit(Someone, null, Now);

        Assert.That(ManageLinks.ExpiryFor(request), Is.EqualTo(Instant.FromUtc(2027, 4, 9, 12, 0)));
    }

    [TestCase(5, "2027-04-09T12:00:00Z", TestName = "ExpiryFor_TimesOnOfferSoon_IsThirtyDaysAfterSubmission")]
    [TestCase(28, "2027-04-14T12:15:00Z", TestName = "ExpiryFor_TimesOnOfferLate_IsSevenDaysAfterTheLatestOffered")]
    public void ExpiryFor_TimesOnOffer(int daysAhead, string expected)
    {
        var request = ConsultationRequest.Submit(Someone, null, Now);
        var start = Now + Duration.FromDays(daysAhead);
        request.ProposeTimes([new Slot("t1", start, start + Duration.FromMinutes(15)), new Slot("t1", Now + Duration.FromDays(2), Now + Duration.FromDays(2) + Duration.FromMinutes(15))], Proposals, Now);

        Assert.That(ManageLinks.ExpiryFor(request), Is.EqualTo(NodaTime.Text.InstantPattern.General.Parse(expected).Value));
    }
}
