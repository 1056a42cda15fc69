using Intake.Domain.Messages.Templates;
using Intake.Domain.Practices;

namespace Intake.Domain.Messages;

/// <summary>
/// Reminders and the therapists' daily agenda. A reminder text stays within one SMS segment (160 GSM-7 characters,
/// so no dash or quote outside plain ASCII) with a practice name of about 20 characters; the agenda names times and
/// reference ids only: the prospects' names and words are read in Intake, signed in.
/// </summary>
public static partial class MessageTexts
{
    /// <param name="practice">The practice.</param>
    /// <param name="at">The call's time, in the prospect's zone.</param>
    /// <param name="link">The request's short manage link, when it has one (else the text says to reply R).</param>
    public static string ReminderText(PracticeOptions practice, string at, string? link) =>
        MessageTemplates.Text("reminder.sms", MessageTemplates.Values(practice, ("time", at), ("link", link)));

    /// <param name="practice">The practice.</param>
    /// <param name="at">The call's time, in the prospect's zone.</param>
    /// <param name="manageUrl">The prospect's manage link for this request.</param>
    public static (string Subject, string Body) ReminderEmail(PracticeOptions practice, string at, string manageUrl) =>
        MessageTemplates.Email("reminder.email", MessageTemplates.Values(practice, ("time", at), ("link", manageUrl)));

    /// <summary>The agenda's subject; it names the therapist's local date, which is how a second agenda for that day is recognised.</summary>
    /// <param name="practice">The practice.</param>
    /// <param name="date">The therapist's local date, as "Tue 16 Mar 2027".</param>
    public static string DailyAgendaSubject(PracticeOptions practice, string date) =>
        DailyAgendaEmail(practice, date, []).Subject;

    /// <param name="practice">The practice.</param>
    /// <param name="date">The therapist's local date, as "Tue 16 Mar 2027".</param>
    /// <param name="calls">Each confirmed call of that day, earliest first: its start in the therapist's zone and its request's id.</param>
    public static (string Subject, string Body) DailyAgendaEmail(
        PracticeOptions practice, string date, IReadOnlyList<(string At, string Reference)> calls) =>
        calls.Count == 0
            ? MessageTemplates.Email("agenda-empty.email", MessageTemplates.Values(practice, ("date", date)))
            : MessageTemplates.Email("agenda.email", MessageTemplates.Values(practice,
                ("date", date),
                ("count", calls.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("calls", string.Join("\n", calls.Select(call => MessageTemplates.Text("agenda-call.email-line",
                    MessageTemplates.Values(practice, ("time", call.At), ("reference", call.Reference))))))));
}
