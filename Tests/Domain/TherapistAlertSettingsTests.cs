using Intake.Domain.Practices;
using Intake.Tests.Support;
using Microsoft.Extensions.Options;

namespace Intake.Tests.Domain;

/// <summary>Practice:Therapists[].AlertBySms: a text alert needs a number to go to, checked when a host starts.</summary>
public class TherapistAlertSettingsTests
{
    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void AlertBySms_WithoutAPhone_IsAProblemNamingTheTherapist(string? phone)
    {
        var result = Validate(Therapist("t7", phone, alertBySms: true));

        Assert.That(result.Failures, Is.EqualTo(new[] { "Practice:Therapists:0:AlertBySms needs a Phone (therapist \"t7\")." }));
    }

    [Test]
    public void AlertBySms_WithAPhoneThatIsNoNumber_IsAProblemNamingTheTherapist()
    {
        var result = Validate(Therapist("t7", "call the front desk", alertBySms: true));

        Assert.That(result.Failures, Is.EqualTo(new[] { "Practice:Therapists:0:Phone must be a valid phone number, as AlertBySms is on (therapist \"t7\")." }));
    }

    [TestCase("+1 212-555-0101", true)]
    [TestCase("(212) 555-0101", true)]
    [TestCase(null, false)]
    [TestCase("call the front desk", false)]
    public void AlertBySms_WithAReadablePhone_OrOff_IsFine(string? phone, bool alertBySms)
    {
        Assert.That(Validate(Therapist("t7", phone, alertBySms)).Succeeded, Is.True);
    }

    [Test]
    public void Api_WithAlertBySmsAndNoPhone_RefusesToStartNamingTheTherapist()
    {
        using var database = new TestDatabase();

        var refused = Assert.Catch(() => new ApiFactory(database, settings: new Dictionary<string, string>
        {
            ["Practice:Therapists:0:AlertBySms"] = "true",
            ["Practice:Therapists:0:Phone"] = "",
        }).Dispose());

        Assert.That(refused!.ToString(), Does.Contain("Practice:Therapists:0:AlertBySms needs a Phone (therapist \"t1\")."));
    }

    private static TherapistOptions Therapist(string id, string? phone, bool alertBySms) => new()
    {
        Id = id,
        Name = "Ada Reyes",
        Email = "ada@calmharbor.example",
        Phone = phone,
        AlertBySms = alertBySms,
        TimeZone = "America/New_York",
        WeeklyHours = new() { ["Monday"] = ["09:00-12:00"] },
    };

    private static ValidateOptionsResult Validate(TherapistOptions therapist) =>
        new PracticeOptionsValidation().Validate(null, new PracticeOptions { Name = "Calm Harbor Counseling", Therapists = [therapist] });
}
