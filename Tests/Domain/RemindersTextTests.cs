using Intake.Domain.Messages;
using Intake.Domain.Messages.Reminders;
using Intake.Domain.Practices;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace Intake.Tests.Domain;

/// <summary>The reminder's and the agenda's words, and the settings that time them.</summary>
public class ReminderTextAndOptionsTests
{
    private static readonly PracticeOptions Practice = new() { Name = "Calm Harbor Counseling", Phone = "+1 212-555-0100" };

    // The GSM-7 basic set: a character outside it makes the whole text UCS-2, where one segment holds 70, not 160.
    private const string Gsm7 =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    [TestCase("2027-03-16T14:00:00Z", "America/New_York", "Tue 16 Mar, 10:00 AM EDT")]
    [TestCase("2027-03-14T14:00:00Z", "America/New_York", "Sun 14 Mar, 10:00 AM EDT")]
    [TestCase("2027-11-07T15:00:00Z", "America/New_York", "Sun 7 Nov, 10:00 AM EST")]
    [TestCase("2027-03-29T13:00:00Z", "Europe/London", "Mon 29 Mar, 2:00 PM BST")]
    public void ReminderText_NamesTheCallsLocalTimeInOneSegment(string call, string zone, string expected)
    {
        var at = MessageTime.Format(NodaTime.Text.InstantPattern.ExtendedIso.Parse(call).Value, DateTimeZoneProviders.Tzdb[zone]);

        var text = MessageTexts.ReminderText(Practice, at, link: null);

        Assert.That(text, Is.EqualTo(
            $"Calm Harbor Counseling reminder: your free phone consultation is {expected}. Reply C to confirm, R to reschedule. "
            + "Questions: +1 212-555-0100"));
        Assert.That(text, Has.Length.LessThanOrEqualTo(160));
        Assert.That(text.All(c => Gsm7.Contains(c, StringComparison.Ordinal)), Is.True, "GSM-7 only, or the text splits at 70");
    }

    [Test]
    public void ReminderEmail_CarriesTheTimeAndTheManageLinkNothingElse()
    {
        var (subject, body) = MessageTexts.ReminderEmail(Practice, "Tue 16 Mar, 10:00 AM EDT", "https://calmharbor.example/manage/abc");

        Assert.That(subject, Is.EqualTo("Reminder: your consultation with Calm Harbor Counseling on Tue 16 Mar, 10:00 AM EDT"));
        Assert.That(body, Does.Contain("free 15-minute phone consultation with Calm Harbor Counseling on Tue 16 Mar, 10:00 AM EDT."));
        Assert.That(body, Does.Contain("Manage or cancel your request: https://calmharbor.example/manage/abc"));
    }

    [Test]
    public void DailyAgendaEmail_ListsTimesAndReferencesOrSaysThereAreNone()
    {
        var (subject, body) = MessageTexts.DailyAgendaEmail(Practice, "Tue 16 Mar 2027", [("9:00 AM EDT", "ref-1"), ("10:30 AM EDT", "ref-2")]);
        var (_, empty) = MessageTexts.DailyAgendaEmail(Practice, "Tue 16 Mar 2027", []);

        Assert.That(subject, Is.EqualTo("Calm Harbor Counseling: your consultations on Tue 16 Mar 2027"));
        Assert.That(body, Does.Contain("- 9:00 AM EDT  Reference: ref-1\n- 10:30 AM EDT  Reference: ref-2"));
        Assert.That(empty, Does.StartWith("No consultations today (Tue 16 Mar 2027)."));
    }

    [Test]
    public void Options_Absent_AreTheDefaults()
    {
        var options = Bind(new Dictionary<string, string?>());

        Assert.That(options.ReminderOffsets(), Is.EqualTo(new[] { Duration.FromHours(24), Duration.FromHours(1) }));
        Assert.That(options.QuietHours(), Is.EqualTo(new QuietHours(new LocalTime(21, 0), new LocalTime(8, 0))));
        Assert.That(options.AgendaLocalTime(), Is.EqualTo(new LocalTime(7, 30)));
        Assert.That(new MessagingOptionsValidation().Validate(null, options).Succeeded, Is.True);
    }

    [Test]
    public void Options_ConfiguredOffsets_ReplaceTheDefaultsRatherThanAddToThem()
    {
        var options = Bind(new Dictionary<string, string?> { ["Messaging:ReminderOffsetMinutes:0"] = "30" });

        Assert.That(options.ReminderOffsets(), Is.EqualTo(new[] { Duration.FromMinutes(30) }));
    }

    [TestCase("Messaging:QuietHoursStart", "9pm", "Messaging:QuietHoursStart")]
    [TestCase("Messaging:QuietHoursEnd", "24:00", "Messaging:QuietHoursEnd")]
    [TestCase("Messaging:AgendaTime", "", "Messaging:AgendaTime")]
    [TestCase("Messaging:ReminderOffsetMinutes:0", "0", "Messaging:ReminderOffsetMinutes")]
    [TestCase("Messaging:ReminderOffsetMinutes:0", "30000", "Messaging:ReminderOffsetMinutes")]
    public void Options_Invalid_AreRefusedNamingTheKey(string key, string value, string named)
    {
        var options = Bind(new Dictionary<string, string?> { [key] = value });

        var result = new MessagingOptionsValidation().Validate(null, options);

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain(named));
    }

    private static MessagingOptions Bind(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build()
            .GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
}
