using Intake.Domain.Messages.Templates;
using Intake.Domain.Practices;

namespace Intake.Domain.Messages;

/// <summary>
/// The words of every message, rendered from the templates in Messages/Templates. Minimum necessary: the practice,
/// the time and what happens next; never the prospect's own words, never their name in a text that a lock screen
/// may show.
/// </summary>
public static partial class MessageTexts
{
    /// <param name="practice">The practice.</param>
    /// <param name="receivedAt">When the request arrived, in the prospect's zone.</param>
    /// <param name="link">The request's short manage link, when it has one.</param>
    public static string AcknowledgementText(PracticeOptions practice, string receivedAt, string? link) =>
        MessageTemplates.Text("acknowledgement.sms", MessageTemplates.Values(practice, ("time", receivedAt), ("link", link)));

    /// <param name="practice">The practice.</param>
    /// <param name="receivedAt">When the request arrived, in the prospect's zone.</param>
    /// <param name="manageUrl">The prospect's manage link for this request.</param>
    public static (string Subject, string Body) AcknowledgementEmail(PracticeOptions practice, string receivedAt, string manageUrl) =>
        MessageTemplates.Email("acknowledgement.email", MessageTemplates.Values(practice, ("time", receivedAt), ("link", manageUrl)));

    /// <param name="practice">The practice.</param>
    /// <param name="callAt">The held time, in the prospect's zone.</param>
    /// <param name="link">The request's short manage link, when it has one.</param>
    public static string SlotHeldText(PracticeOptions practice, string callAt, string? link) =>
        MessageTemplates.Text("slot-held.sms", MessageTemplates.Values(practice, ("time", callAt), ("link", link)));

    /// <param name="practice">The practice.</param>
    /// <param name="callAt">The held time, in the prospect's zone.</param>
    /// <param name="manageUrl">The prospect's manage link for this request.</param>
    public static (string Subject, string Body) SlotHeldEmail(PracticeOptions practice, string callAt, string manageUrl) =>
        MessageTemplates.Email("slot-held.email", MessageTemplates.Values(practice, ("time", callAt), ("link", manageUrl)));

    public static (string Subject, string Body) SlotAlertEmail(
        PracticeOptions practice, string receivedAt, string callAt, string reference, string confirmUrl, string declineUrl, string consoleUrl) =>
        MessageTemplates.Email("slot-alert.email", MessageTemplates.Values(practice,
            ("received", receivedAt), ("time", callAt), ("reference", reference), ("confirm", confirmUrl), ("decline", declineUrl), ("console", consoleUrl)));

    public static (string Subject, string Body) TherapistAlertEmail(PracticeOptions practice, string receivedAt, string reference, string consoleUrl) =>
        MessageTemplates.Email("therapist-alert.email",
            MessageTemplates.Values(practice, ("received", receivedAt), ("reference", reference), ("console", consoleUrl)));

    /// <summary>The text alert for a held time: the time in the therapist's zone, the request's <see cref="Consultations.AlertLinks.TextAlertCode"/>, "Reply Y to confirm" and the console link.</summary>
    public static string SlotAlertText(PracticeOptions practice, string callAt, string code, string consoleUrl) =>
        MessageTemplates.Text("slot-alert.sms", MessageTemplates.Values(practice, ("time", callAt), ("code", code), ("console", consoleUrl)));

    /// <summary>The text alert for a callback: no time to confirm, so only the console link.</summary>
    public static string TherapistAlertText(PracticeOptions practice, string code, string consoleUrl) =>
        MessageTemplates.Text("therapist-alert.sms", MessageTemplates.Values(practice, ("code", code), ("console", consoleUrl)));

    public static (string Subject, string Body) PasswordResetEmail(PracticeOptions practice, string resetUrl, int minutes) =>
        MessageTemplates.Email("password-reset.email", MessageTemplates.Values(practice,
            ("link", resetUrl), ("lifetime", minutes.ToString(System.Globalization.CultureInfo.InvariantCulture))));
}
