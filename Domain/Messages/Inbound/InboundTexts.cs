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
}
