using Intake.Domain.Consultations;
using Intake.Domain.Messages.Templates;
using Intake.Domain.Practices;

namespace Intake.Domain.Messages;

/// <summary>
/// The lifecycle messages. Times arrive already written in the recipient's zone (<see cref="MessageTime.Format"/>).
/// Texts stay within one SMS segment (160 characters) with a practice name of about 20 characters, except a
/// proposal of three or more times, which takes two; they name only the practice, the time and the practice's
/// phone; a decline text carries the therapist's note where it fits in two segments (else it says the note was
/// emailed, and it is). Texts about an open request carry its short manage link (/m/{code}, see ShortLinks; a text
/// with it may take two segments), emails the full one; nothing carries the prospect's own words or name.
/// </summary>
public static partial class MessageTexts
{
    /// <param name="practice">The practice.</param>
    /// <param name="at">The call's time, in the prospect's zone.</param>
    /// <param name="link">The request's short manage link, when it has one.</param>
    public static string ConfirmedText(PracticeOptions practice, string at, string? link) =>
        MessageTemplates.Text("confirmed.sms", MessageTemplates.Values(practice, ("time", at), ("link", link)));

    /// <param name="practice">The practice.</param>
    /// <param name="at">The call's time, in the prospect's zone.</param>
    /// <param name="manageUrl">The prospect's manage link for this request.</param>
    public static (string Subject, string Body) ConfirmedEmail(PracticeOptions practice, string at, string manageUrl) =>
        MessageTemplates.Email("confirmed.email", MessageTemplates.Values(practice, ("time", at), ("link", manageUrl)));

    /// <summary>The longest decline text with the therapist's note in it: two segments; a longer note goes by email.</summary>
    public const int MaxDeclinedTextWithNote = 306;

    /// <param name="practice">The practice.</param>
    /// <param name="at">The time the request held or had, when it had one.</param>
    /// <param name="note">The therapist's note to the prospect, if they wrote one.</param>
    /// <returns>
    /// The text: with the note in it when it fits in two segments; else saying the note was emailed, and
    /// <c>NoteByEmail</c> true: the caller emails it too.
    /// </returns>
    public static (string Text, bool NoteByEmail) DeclinedText(PracticeOptions practice, string? at, string? note = null)
    {
        var withNote = MessageTemplates.Text("declined.sms", MessageTemplates.Values(practice, ("time", at), ("note", note), ("emailed", null)));
        if (string.IsNullOrEmpty(note) || withNote.Length <= MaxDeclinedTextWithNote)
            return (withNote, false);
        return (MessageTemplates.Text("declined.sms", MessageTemplates.Values(practice, ("time", at), ("note", null), ("emailed", "yes"))), true);
    }

    /// <param name="practice">The practice.</param>
    /// <param name="at">The time the request held or had, when it had one.</param>
    /// <param name="note">The therapist's short note to the prospect, if they wrote one.</param>
    public static (string Subject, string Body) DeclinedEmail(PracticeOptions practice, string? at, string? note) =>
        MessageTemplates.Email("declined.email", MessageTemplates.Values(practice, ("time", at), ("note", note)));

    /// <param name="practice">The practice.</param>
    /// <param name="times">The offered times, earliest first.</param>
    /// <param name="releasedAt">The time the prospect had picked and the therapist could not do, if any.</param>
    /// <param name="link">The request's short manage link, where they pick one, when it has one.</param>
    public static string AlternativesText(PracticeOptions practice, IReadOnlyList<string> times, string? releasedAt, string? link) =>
        MessageTemplates.Text("alternatives.sms",
            MessageTemplates.Values(practice, ("times", string.Join("; ", times)), ("released", releasedAt), ("link", link)));

    /// <param name="practice">The practice.</param>
    /// <param name="times">The offered times, earliest first.</param>
    /// <param name="releasedAt">The time the prospect had picked and the therapist could not do, if any.</param>
    /// <param name="manageUrl">The prospect's manage link for this request, where they pick one of the times.</param>
    public static (string Subject, string Body) AlternativesEmail(
        PracticeOptions practice, IReadOnlyList<string> times, string? releasedAt, string manageUrl) =>
        MessageTemplates.Email("alternatives.email", MessageTemplates.Values(practice,
            ("times", string.Join("\n", times.Select(time =>
                MessageTemplates.Text("alternative-time.email-line", MessageTemplates.Values(practice, ("time", time)))))),
            ("released", releasedAt),
            ("link", manageUrl)));

    /// <param name="practice">The practice.</param>
    /// <param name="from">The call's previous time, in the prospect's zone.</param>
    /// <param name="to">The call's new time, in the prospect's zone.</param>
    /// <param name="link">The request's short manage link, when it has one.</param>
    public static string RescheduledText(PracticeOptions practice, string from, string to, string? link) =>
        MessageTemplates.Text("rescheduled.sms", MessageTemplates.Values(practice, ("from", from), ("to", to), ("link", link)));

    /// <param name="practice">The practice.</param>
    /// <param name="from">The call's previous time, in the prospect's zone.</param>
    /// <param name="to">The call's new time, in the prospect's zone.</param>
    /// <param name="manageUrl">The prospect's manage link for this request.</param>
    public static (string Subject, string Body) RescheduledEmail(PracticeOptions practice, string from, string to, string manageUrl) =>
        MessageTemplates.Email("rescheduled.email",
            MessageTemplates.Values(practice, ("from", from), ("to", to), ("link", manageUrl)));

    /// <param name="practice">The practice.</param>
    /// <param name="at">The time the request held or had, when it had one.</param>
    /// <param name="by">Who cancelled.</param>
    public static string CancelledText(PracticeOptions practice, string? at, CancelledBy by) =>
        MessageTemplates.Text($"{Cancelled(by)}.sms", MessageTemplates.Values(practice, ("time", at)));

    /// <param name="practice">The practice.</param>
    /// <param name="at">The time the request held or had, when it had one.</param>
    /// <param name="by">Who cancelled.</param>
    public static (string Subject, string Body) CancelledEmail(PracticeOptions practice, string? at, CancelledBy by) =>
        MessageTemplates.Email($"{Cancelled(by)}.email", MessageTemplates.Values(practice, ("time", at)));

    public static string ExpiredText(PracticeOptions practice, string at) =>
        MessageTemplates.Text("expired.sms", MessageTemplates.Values(practice, ("time", at)));

    public static (string Subject, string Body) ExpiredEmail(PracticeOptions practice, string at) =>
        MessageTemplates.Email("expired.email", MessageTemplates.Values(practice, ("time", at)));

    /// <param name="practice">The practice.</param>
    /// <param name="at">The call's time in the therapist's zone, when it had one.</param>
    /// <param name="reference">The request's id.</param>
    public static (string Subject, string Body) TherapistCancelledAlertEmail(PracticeOptions practice, string? at, string reference) =>
        MessageTemplates.Email("therapist-cancelled-alert.email",
            MessageTemplates.Values(practice, ("time", at), ("reference", reference)));

    private static string Cancelled(CancelledBy by) =>
        by == CancelledBy.Prospect ? "cancelled-by-prospect" : "cancelled-by-therapist";
}
