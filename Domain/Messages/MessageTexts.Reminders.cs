using Intake.Domain.Practices;

namespace Intake.Domain.Messages;

/// <summary>
/// The words of reminders and of the therapists' daily agenda. A reminder text stays within one SMS segment
/// (160 GSM-7 characters, so no dash or quote outside plain ASCII) with a practice name of about 20 characters;
/// the agenda names times and reference ids only: the prospects' names and words are read in Intake, signed in.
/// </summary>
public static partial class MessageTexts
{
    /// <param name="practice">The practice.</param>
    /// <param name="at">The call's time, in the prospect's zone.</param>
    public static string ReminderText(PracticeOptions practice, string at) =>
        $"{practice.Name} reminder: your free phone consultation is {at}. Reply C to confirm, R to reschedule. "
        + $"Questions: {practice.Phone}";

    /// <param name="practice">The practice.</param>
    /// <param name="at">The call's time, in the prospect's zone.</param>
    /// <param name="manageUrl">The prospect's manage link for this request.</param>
    public static (string Subject, string Body) ReminderEmail(PracticeOptions practice, string at, string manageUrl) =>
        ($"Reminder: your consultation with {practice.Name} on {at}",
        $"""
        Hello,

        This is a reminder of your free {practice.ConsultationMinutes}-minute phone consultation with {practice.Name} on {at}. We will call you then on the number you gave us.

        If you need to change or cancel it, use the link below or call us on {practice.Phone}.

        {ManageLine(manageUrl)}

        {practice.Name}
        """);

    /// <summary>The agenda's subject; it names the therapist's local date, which is how a second agenda for that day is recognised.</summary>
    /// <param name="practice">The practice.</param>
    /// <param name="date">The therapist's local date, as "Tue 16 Mar 2027".</param>
    public static string DailyAgendaSubject(PracticeOptions practice, string date) =>
        $"{practice.Name}: your consultations on {date}";

    /// <param name="practice">The practice.</param>
    /// <param name="date">The therapist's local date, as "Tue 16 Mar 2027".</param>
    /// <param name="calls">Each confirmed call of that day, earliest first: its start in the therapist's zone and its request's id.</param>
    public static (string Subject, string Body) DailyAgendaEmail(
        PracticeOptions practice, string date, IReadOnlyList<(string At, string Reference)> calls) =>
        (DailyAgendaSubject(practice, date),
        calls.Count == 0
            ? $"""
              No consultations today ({date}).

              {practice.Name}
              """
            : $"""
              Your free {practice.ConsultationMinutes}-minute phone consultations today ({date}), {calls.Count} in all:

              {string.Join("\n", calls.Select(call => $"- {call.At}  Reference: {call.Reference}"))}

              Open Intake to read each request before the call.

              {practice.Name}
              """);
}
