using Intake.Domain.Messages.Templates;
using Intake.Domain.Practices;

namespace Intake.Domain.Messages.Inbound;

/// <summary>
/// The replies to a prospect's keyword texts, rendered from the templates in Messages/Templates. Minimum necessary,
/// like every text: the practice, a time, a link or the practice's phone; never the prospect's name or words.
/// </summary>
public static class InboundTexts
{
    public static string Help(PracticeOptions practice) =>
        MessageTemplates.Text("help.sms", MessageTemplates.Values(practice));

    public static string OptedIn(PracticeOptions practice) =>
        MessageTemplates.Text("opted-in.sms", MessageTemplates.Values(practice));

    public static string AttendanceConfirmed(PracticeOptions practice, string at) =>
        MessageTemplates.Text("attendance-confirmed.sms", MessageTemplates.Values(practice, ("time", at)));

    public static string NoCallToConfirm(PracticeOptions practice) =>
        MessageTemplates.Text("no-call-to-confirm.sms", MessageTemplates.Values(practice));

    public static string RescheduleLink(PracticeOptions practice, string manageUrl) =>
        MessageTemplates.Text("reschedule-link.sms", MessageTemplates.Values(practice, ("link", manageUrl)));

    /// <param name="practice">The practice.</param>
    /// <param name="manageUrl">The manage link of the sender's nearest open request, if they have one.</param>
    public static string TextsStoppedNotCancelled(PracticeOptions practice, string? manageUrl) =>
        MessageTemplates.Text("cancel-word.sms", MessageTemplates.Values(practice, ("link", manageUrl)));

    public static string NoRequestToChange(PracticeOptions practice) =>
        MessageTemplates.Text("no-request-to-change.sms", MessageTemplates.Values(practice));

    /// <summary>The answer to a therapist's "Y" that confirmed a held time.</summary>
    public static string AlertConfirmed(PracticeOptions practice, string at, string code, string consoleUrl) =>
        MessageTemplates.Text("alert-confirmed.sms", MessageTemplates.Values(practice, ("time", at), ("code", code), ("console", consoleUrl)));

    /// <summary>The answer to a therapist's "Y" when no held time of theirs is waiting.</summary>
    public static string AlertNothingPending(PracticeOptions practice, string consoleUrl) =>
        MessageTemplates.Text("alert-nothing-pending.sms", MessageTemplates.Values(practice, ("console", consoleUrl)));

    /// <summary>The answer to a therapist's "Y" that does not name one held time: several wait and no code was given, or the code matches no single one.</summary>
    public static string AlertWhich(PracticeOptions practice, string consoleUrl) =>
        MessageTemplates.Text("alert-which.sms", MessageTemplates.Values(practice, ("console", consoleUrl)));

    /// <summary>The answer to a therapist's "Y" whose confirm was refused (changed meanwhile, no longer pending, time not open).</summary>
    public static string AlertRefused(PracticeOptions practice, string consoleUrl) =>
        MessageTemplates.Text("alert-refused.sms", MessageTemplates.Values(practice, ("console", consoleUrl)));
}
