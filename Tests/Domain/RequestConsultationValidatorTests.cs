using Intake.Domain.Consultations.RequestConsultation;
using Intake.Domain.Practices;
using Intake.Tests.Support;
using Microsoft.Extensions.Options;

namespace Intake.Tests.Domain;

public class RequestConsultationValidatorTests
{
    private static readonly RequestConsultationValidator Validator =
        new(Options.Create(new PracticeOptions { PhoneRegion = "US" }));

    [Test]
    public void Valid_RequestByText_HasNoErrors() =>
        Assert.That(Validator.Validate(Requests.ByText()).Errors, Is.Empty);

    [Test]
    public void Valid_RequestByEmail_WithoutAMessage_HasNoErrors() =>
        Assert.That(Validator.Validate(Requests.ByEmail() with { Message = null, SmsConsent = null }).Errors, Is.Empty);

    [TestCase("(212) 555-0199")]
    [TestCase("212.555.0199")]
    [TestCase("+1 212 555 0199")]
    [TestCase("+44 7911 123456")]
    [TestCase("+61 2 9374 4000")]
    public void Phone_InCommonFormats_IsAccepted(string phone) =>
        Assert.That(Validator.Validate(Requests.ByText() with { Phone = phone }).Errors, Is.Empty);

    [TestCase(nameof(RequestConsultation.Name), null)]
    [TestCase(nameof(RequestConsultation.Name), "   ")]
    [TestCase(nameof(RequestConsultation.Name), "Jane\u0000Doe")]
    [TestCase(nameof(RequestConsultation.Phone), null)]
    [TestCase(nameof(RequestConsultation.Phone), "12345")]
    [TestCase(nameof(RequestConsultation.Phone), "call me")]
    [TestCase(nameof(RequestConsultation.Phone), "+1 212 555 019")]
    [TestCase(nameof(RequestConsultation.Email), null)]
    [TestCase(nameof(RequestConsultation.Email), "jane@")]
    [TestCase(nameof(RequestConsultation.Email), "jane@localhost")]
    [TestCase(nameof(RequestConsultation.Email), "Jane <jane@example.com>")]
    [TestCase(nameof(RequestConsultation.PreferredChannel), null)]
    [TestCase(nameof(RequestConsultation.PreferredChannel), "fax")]
    [TestCase(nameof(RequestConsultation.TimeZone), null)]
    [TestCase(nameof(RequestConsultation.TimeZone), "Mars/Olympus_Mons")]
    [TestCase(nameof(RequestConsultation.TimeZone), "EST5EDT!")]
    public void Invalid_Field_IsNamed(string field, string? value)
    {
        var request = field switch
        {
            nameof(RequestConsultation.Name) => Requests.ByText() with { Name = value },
            nameof(RequestConsultation.Phone) => Requests.ByText() with { Phone = value },
            nameof(RequestConsultation.Email) => Requests.ByText() with { Email = value },
            nameof(RequestConsultation.PreferredChannel) => Requests.ByText() with { PreferredChannel = value },
            _ => Requests.ByText() with { TimeZone = value },
        };

        var errors = Validator.Validate(request).Errors;

        Assert.That(errors.Select(e => e.PropertyName), Is.EqualTo(new[] { field }));
    }

    [TestCase(100, true)]
    [TestCase(101, false)]
    public void Name_UpTo100Characters(int length, bool valid) =>
        Assert.That(Validator.Validate(Requests.ByText() with { Name = new string('a', length) }).IsValid, Is.EqualTo(valid));

    [TestCase(2_000, true)]
    [TestCase(2_001, false)]
    public void Message_UpTo2000Characters(int length, bool valid) =>
        Assert.That(Validator.Validate(Requests.ByText() with { Message = new string('a', length) }).IsValid, Is.EqualTo(valid));
}
