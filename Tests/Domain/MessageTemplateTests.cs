using System.Text.RegularExpressions;
using Intake.Domain.Consultations;
using Intake.Domain.Consultations.ManageLinks;
using Intake.Domain.Messages;
using Intake.Domain.Messages.Inbound;
using Intake.Domain.Messages.Templates;
using Intake.Domain.Practices;

namespace Intake.Tests.Domain;

/// <summary>The message templates: each renders, names only what it may, and every text fits GSM-7 in at most two segments.</summary>
public partial class MessageTemplateTests
{
    private static readonly PracticeOptions Practice = new() { Name = "Calm Harbor Counseling", Phone = "+1 212-555-0100" };
    private const string Time = "Wed 29 Sep, 12:30 PM AEST";
    private static readonly string[] FiveTimes =
        ["Wed 29 Sep, 12:30 PM AEST", "Wed 29 Sep, 3:45 PM AEST", "Thu 30 Sep, 10:15 AM AEST", "Thu 30 Sep, 11:30 AM AEST", "Fri 1 Oct, 12:30 PM AEST"];
    private static readonly string ManageUrl = "https://intake.calmharbor.example/api/manage/" + new string('x', 155);

    /// <summary>A short manage link as a practice would configure it (Links:ShortUrl), with a full-length code.</summary>
    private static readonly string ShortUrl = "https://intake.calmharbor.example/m/" + new string('x', ShortLinks.CodeLength);

    // GSM 03.38: the basic set costs one character, the extension table two (an escape and the character).
    private const string Gsm7Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private const string Gsm7Extension = "^{}\\[~]|€\f";

    /// <summary>Every value a template may name; none is the prospect's name or words.</summary>
    private static readonly Dictionary<string, string?> Sample = new(MessageTemplates.Values(Practice,
        ("time", Time), ("received", Time), ("from", Time), ("to", Time), ("released", Time),
        ("times", string.Join("; ", FiveTimes)), ("note", "We only see adults."), ("emailed", "yes"), ("link", ManageUrl),
        ("reference", "0a1b2c3d"), ("date", "Wed 29 Sep 2027"), ("count", "2"), ("calls", "- 9:00 AM AEST  Reference: 0a1b2c3d"),
        ("confirm", "https://intake.example/console/act/CfDJ8a"), ("decline", "https://intake.example/console/act/CfDJ8b"),
        ("console", "https://intake.example/console/requests/0a1b2c3d"), ("lifetime", "60"), ("code", "4821")));

    /// <summary>The longest realistic values of a therapist's text alert: a long practice name, a zone without an abbreviation, a long console address.</summary>
    private static readonly PracticeOptions LongPractice = new() { Name = "Calm Harbor Counseling & Family Therapy Center", Phone = "+1 212-555-0100" };

    private const string LongTime = "Wed 29 Sep, 12:45 PM +0545";

    private static readonly string LongConsoleUrl =
        "https://intake.calmharborcounseling.example/console/requests/" + Guid.CreateVersion7();

    private static IEnumerable<string> TemplateNames() => MessageTemplates.Names.Order(StringComparer.Ordinal);

    [Test]
    public void Templates_CoverEveryKindAndChannel()
    {
        Assert.That(MessageTemplates.Names, Is.SupersetOf(new[]
        {
            "acknowledgement.sms", "acknowledgement.email", "slot-held.sms", "slot-held.email", "slot-alert.email",
            "therapist-alert.email", "confirmed.sms", "confirmed.email", "declined.sms", "declined.email",
            "alternatives.sms", "alternatives.email", "rescheduled.sms", "rescheduled.email",
            "cancelled-by-prospect.sms", "cancelled-by-prospect.email", "cancelled-by-therapist.sms", "cancelled-by-therapist.email",
            "therapist-cancelled-alert.email", "expired.sms", "expired.email", "reminder.sms", "reminder.email",
            "agenda.email", "agenda-empty.email", "help.sms", "opted-in.sms", "attendance-confirmed.sms",
            "no-call-to-confirm.sms", "reschedule-link.sms", "no-request-to-change.sms", "password-reset.email",
        }));
    }

    [TestCaseSource(nameof(TemplateNames))]
    public void Template_RendersWithEveryValueAndWithTheOptionalOnesAbsent_LeavingNoPlaceholderOrSection(string name)
    {
        var absent = new Dictionary<string, string?>(Sample) { ["note"] = null, ["released"] = null, ["time"] = null };

        foreach (var values in new[] { Sample, absent })
        {
            var rendered = name.EndsWith(".email", StringComparison.Ordinal)
                ? string.Join("\n\n", MessageTemplates.Email(name, values).Subject, MessageTemplates.Email(name, values).Body)
                : MessageTemplates.Text(name, values);

            Assert.That(rendered, Does.Not.Contain("{").And.Not.Contain("}").And.Not.Contain("[[").And.Not.Contain("]]"), name);
            Assert.That(rendered, Does.Not.StartWith("\n").And.Not.EndWith("\n"), name);
        }
    }

    [TestCaseSource(nameof(TemplateNames))]
    public void Template_NamesNothingOfTheProspects(string name)
    {
        var used = Placeholder().Matches(Source(name)).Select(match => match.Groups["name"].Value).Distinct().ToList();

        Assert.That(used, Is.SubsetOf(Sample.Keys), "placeholders are limited to the practice, times, links, note and reference");
        Assert.That(used, Has.None.Contains("name").And.None.Contains("message").And.None.Contains("prospect"));
    }

    [Test]
    public void Render_WithAValueTheTemplateIsNotGiven_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => MessageTemplates.Text("confirmed.sms", MessageTemplates.Values(Practice)));
    }

    [Test]
    public void Render_OfAMissingTemplate_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => MessageTemplates.Text("confirmd.sms", Sample));
    }

    [Test]
    public void Agenda_HasOneSubjectWhetherOrNotThereAreCalls()
    {
        var empty = MessageTexts.DailyAgendaEmail(Practice, "Wed 29 Sep 2027", []).Subject;
        var full = MessageTexts.DailyAgendaEmail(Practice, "Wed 29 Sep 2027", [("9:00 AM AEST", "ref-1")]).Subject;

        Assert.That(full, Is.EqualTo(empty).And.EqualTo(MessageTexts.DailyAgendaSubject(Practice, "Wed 29 Sep 2027")));
    }

    private static IEnumerable<TestCaseData> Texts()
    {
        TestCaseData Case(string name, bool oneSegment, Func<string> text) => new TestCaseData(text, oneSegment).SetArgDisplayNames(name);
        yield return Case("acknowledgement", true, () => MessageTexts.AcknowledgementText(Practice, Time, null));
        yield return Case("acknowledgement-link", false, () => MessageTexts.AcknowledgementText(Practice, Time, ShortUrl));
        yield return Case("slot-held", true, () => MessageTexts.SlotHeldText(Practice, Time, null));
        yield return Case("slot-held-link", false, () => MessageTexts.SlotHeldText(Practice, Time, ShortUrl));
        yield return Case("confirmed", true, () => MessageTexts.ConfirmedText(Practice, Time, null));
        yield return Case("confirmed-link", false, () => MessageTexts.ConfirmedText(Practice, Time, ShortUrl));
        yield return Case("reminder", true, () => MessageTexts.ReminderText(Practice, Time, null));
        yield return Case("reminder-link", false, () => MessageTexts.ReminderText(Practice, Time, ShortUrl));
        yield return Case("cancelled-by-prospect", true, () => MessageTexts.CancelledText(Practice, Time, CancelledBy.Prospect));
        yield return Case("cancelled-by-prospect-no-time", true, () => MessageTexts.CancelledText(Practice, null, CancelledBy.Prospect));
        yield return Case("cancelled-by-therapist", true, () => MessageTexts.CancelledText(Practice, Time, CancelledBy.Therapist));
        yield return Case("cancelled-by-therapist-no-time", true, () => MessageTexts.CancelledText(Practice, null, CancelledBy.Therapist));
        yield return Case("expired", true, () => MessageTexts.ExpiredText(Practice, Time));
        yield return Case("declined", true, () => MessageTexts.DeclinedText(Practice, Time).Text);
        yield return Case("declined-no-time", true, () => MessageTexts.DeclinedText(Practice, null).Text);
        yield return Case("declined-short-note", false, () => MessageTexts.DeclinedText(Practice, Time, "We only see adults; try Harbor Youth on 555-0100.").Text);
        yield return Case("declined-long-note", false, () => MessageTexts.DeclinedText(Practice, Time, new string('n', 500)).Text);
        yield return Case("rescheduled", false, () => MessageTexts.RescheduledText(Practice, Time, "Thu 30 Sep, 10:15 AM AEST", ShortUrl));
        yield return Case("alternatives", false, () => MessageTexts.AlternativesText(Practice, FiveTimes, null, ShortUrl));
        yield return Case("alternatives-released", false, () => MessageTexts.AlternativesText(Practice, FiveTimes, Time, ShortUrl));
        yield return Case("help", false, () => InboundTexts.Help(Practice));
        yield return Case("opted-in", false, () => InboundTexts.OptedIn(Practice));
        yield return Case("attendance-confirmed", false, () => InboundTexts.AttendanceConfirmed(Practice, Time));
        yield return Case("no-call-to-confirm", false, () => InboundTexts.NoCallToConfirm(Practice));
        yield return Case("reschedule-link", false, () => InboundTexts.RescheduleLink(Practice, ManageUrl));
        yield return Case("no-request-to-change", false, () => InboundTexts.NoRequestToChange(Practice));
        yield return Case("slot-alert", false, () => MessageTexts.SlotAlertText(LongPractice, LongTime, "4821", LongConsoleUrl));
        yield return Case("therapist-alert", false, () => MessageTexts.TherapistAlertText(LongPractice, "4821", LongConsoleUrl));
        yield return Case("alert-confirmed", false, () => InboundTexts.AlertConfirmed(LongPractice, LongTime, "4821", LongConsoleUrl));
        yield return Case("alert-nothing-pending", false, () => InboundTexts.AlertNothingPending(LongPractice, LongConsoleUrl));
        yield return Case("alert-which", false, () => InboundTexts.AlertWhich(LongPractice, LongConsoleUrl));
        yield return Case("alert-refused", false, () => InboundTexts.AlertRefused(LongPractice, LongConsoleUrl));
    }

    [Test]
    public void Acknowledgement_ForACallback_SaysNoTimeIsBooked()
    {
        var text = MessageTexts.AcknowledgementText(Practice, Time, ShortUrl);
        var (_, body) = MessageTexts.AcknowledgementEmail(Practice, Time, ManageUrl);

        Assert.That(text, Does.Contain("No time is booked; we'll call."));
        Assert.That(body, Does.Contain("No time is booked for the call yet").And.Not.Contain($"consultation on {Time}"));
    }

    [Test]
    public void DeclinedText_WithANoteThatFits_CarriesIt()
    {
        var (text, byEmail) = MessageTexts.DeclinedText(Practice, Time, "We only see adults.");

        Assert.That((text.Contains("Their note: We only see adults.", StringComparison.Ordinal), byEmail), Is.EqualTo((true, false)));
    }

    [Test]
    public void DeclinedText_WithANoteTooLongForTwoSegments_PointsToTheEmail()
    {
        var note = string.Join(' ', Enumerable.Repeat("We are not taking new clients this season.", 8));

        var (text, byEmail) = MessageTexts.DeclinedText(Practice, Time, note);

        Assert.That(byEmail, Is.True);
        Assert.That(text, Does.Contain("emailed you the therapist's note").And.Not.Contain("new clients"));
    }

    [Test]
    public void DeclinedText_WithoutANote_SaysNothingOfOne()
    {
        var (text, byEmail) = MessageTexts.DeclinedText(Practice, Time);

        Assert.That((text.Contains("note", StringComparison.Ordinal), byEmail), Is.EqualTo((false, false)));
    }

    [TestCaseSource(nameof(Texts))]
    public void Text_WithLongRealisticValues_IsGsm7InAtMostTwoSegments(Func<string> render, bool oneSegment)
    {
        var text = render();
        var length = text.Sum(c => Gsm7Extension.Contains(c, StringComparison.Ordinal) ? 2 : 1);
        var segments = length <= 160 ? 1 : (length + 152) / 153;

        Assert.Multiple(() =>
        {
            Assert.That(text.Where(c => !Gsm7Basic.Contains(c, StringComparison.Ordinal) && !Gsm7Extension.Contains(c, StringComparison.Ordinal)),
                Is.Empty, $"GSM-7 only, or the text goes out as UCS-2: {text}");
            Assert.That(segments, Is.LessThanOrEqualTo(2), $"{length} characters: {text}");
            if (oneSegment)
                Assert.That(length, Is.LessThanOrEqualTo(160), $"one segment: {text}");
        });
    }

    private static string Source(string name)
    {
        using var stream = typeof(MessageTemplates).Assembly.GetManifestResourceStream($"Templates/{name}.txt")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\{(?<name>[^}]*)\}|\[\[if(?:not)?:(?<name>[^\]]*)\]\]")]
    private static partial Regex Placeholder();
}
