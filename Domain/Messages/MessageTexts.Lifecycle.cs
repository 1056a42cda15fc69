using Intake.Domain.Consultations;
using Intake.Domain.Practices;

namespace Intake.Domain.Messages;

/// <summary>
/// The words of the lifecycle messages. Times arrive already written in the recipient's zone
/// (<see cref="MessageTime.Format"/>). Texts stay within one SMS segment (160 characters) with a practice name of
/// about 20 characters, except a proposal of three or more times, which takes two; they name only the practice,
/// the time and the practice's phone; only emails carry the therapist's decline note and the prospect's manage link
/// (a Data Protection token is too long for a text), and nothing carries the prospect's own words or name.
/// </summary>
public static partial class MessageTexts
{
    public static string ConfirmedText(PracticeOptions practice, string at) =>
        $"{practice.Name}: your free {practice.ConsultationMinutes}-min phone consultation is confirmed for {at}. "
        + $"We will call you then. Questions: {practice.Phone}";

    /// <param name="practice">The practice.</param>
    /// <param name="at">The call's time, in the prospect's zone.</param>
    /// <param name="manageUrl">The prospect's manage link for this request.</param>
    public static (string Subject, string Body) ConfirmedEmail(PracticeOptions practice, string at, string manageUrl) =>
        ($"Your consultation with {practice.Name} is confirmed",
        $"""
        Hello,

        Your free {practice.ConsultationMinutes}-minute phone consultation with {practice.Name} is confirmed for {at}. We will call you then on the number you gave us.

        If you need to change or cancel it, use the link below or call us on {practice.Phone}.

        {ManageLine(manageUrl)}

        {practice.Name}
        """);

    /// <param name="practice">The practice.</param>
    /// <param name="at">The time the request held or had, when it had one.</param>
    public static string DeclinedText(PracticeOptions practice, string? at) =>
        $"{practice.Name}: sorry, we can't offer the free phone consultation you asked for{InBrackets(at)}. "
        + $"Questions: {practice.Phone}";

    /// <param name="practice">The practice.</param>
    /// <param name="at">The time the request held or had, when it had one.</param>
    /// <param name="note">The therapist's short note to the prospect, if they wrote one.</param>
    public static (string Subject, string Body) DeclinedEmail(PracticeOptions practice, string? at, string? note) =>
        ($"Your consultation request with {practice.Name}",
        $"""
        Hello,

        We are sorry: {practice.Name} cannot offer the free {practice.ConsultationMinutes}-minute phone consultation you asked for{InBrackets(at)}.

        {(note is null ? string.Empty : $"A note from the therapist:\n\n{note}\n\n")}If you have a question, call us on {practice.Phone}.

        {practice.Name}
        """);

    /// <param name="practice">The practice.</param>
    /// <param name="times">The offered times, earliest first.</param>
    /// <param name="releasedAt">The time the prospect had picked and the therapist could not do, if any.</param>
    public static string AlternativesText(PracticeOptions practice, IReadOnlyList<string> times, string? releasedAt) =>
        (releasedAt is null
            ? $"{practice.Name}: we can call you for your free consultation at: "
            : $"{practice.Name}: the time you picked isn't available. Other times: ")
        + $"{string.Join("; ", times)}. To pick one call {practice.Phone}";

    /// <param name="practice">The practice.</param>
    /// <param name="times">The offered times, earliest first.</param>
    /// <param name="releasedAt">The time the prospect had picked and the therapist could not do, if any.</param>
    /// <param name="manageUrl">The prospect's manage link for this request, where they pick one of the times.</param>
    public static (string Subject, string Body) AlternativesEmail(
        PracticeOptions practice, IReadOnlyList<string> times, string? releasedAt, string manageUrl) =>
        ($"Times for your consultation with {practice.Name}",
        $"""
        Hello,

        {(releasedAt is null
            ? $"{practice.Name} can offer these times for your free {practice.ConsultationMinutes}-minute phone consultation:"
            : $"The time you picked ({releasedAt}) is not available. {practice.Name} can offer these times for your free {practice.ConsultationMinutes}-minute phone consultation instead:")}

        {string.Join("\n", times.Select(time => $"- {time}"))}

        To take one of them, open your link to pick one, or call us on {practice.Phone}.

        {ManageLine(manageUrl)}

        {practice.Name}
        """);

    public static string RescheduledText(PracticeOptions practice, string from, string to) =>
        $"{practice.Name}: your free phone consultation moved to {to} (was {from}). Questions: {practice.Phone}";

    /// <param name="practice">The practice.</param>
    /// <param name="from">The call's previous time, in the prospect's zone.</param>
    /// <param name="to">The call's new time, in the prospect's zone.</param>
    /// <param name="manageUrl">The prospect's manage link for this request.</param>
    public static (string Subject, string Body) RescheduledEmail(PracticeOptions practice, string from, string to, string manageUrl) =>
        ($"Your consultation with {practice.Name} has a new time",
        $"""
        Hello,

        Your free {practice.ConsultationMinutes}-minute phone consultation with {practice.Name} has moved to {to}. It was {from}. We will call you at the new time.

        If the new time does not suit you, use the link below or call us on {practice.Phone}.

        {ManageLine(manageUrl)}

        {practice.Name}
        """);

    /// <param name="practice">The practice.</param>
    /// <param name="at">The time the request held or had, when it had one.</param>
    /// <param name="by">Who cancelled.</param>
    public static string CancelledText(PracticeOptions practice, string? at, CancelledBy by) => (by, at) switch
    {
        (CancelledBy.Prospect, null) =>
            $"{practice.Name}: your consultation request is cancelled, as you asked. To book again call {practice.Phone}",
        (CancelledBy.Prospect, _) =>
            $"{practice.Name}: your phone consultation on {at} is cancelled, as you asked. To book again call {practice.Phone}",
        (_, null) =>
            $"{practice.Name}: sorry, we had to cancel your consultation request. To arrange a time call {practice.Phone}",
        _ =>
            $"{practice.Name}: sorry, we had to cancel your phone consultation on {at}. To find another time call {practice.Phone}",
    };

    /// <param name="practice">The practice.</param>
    /// <param name="at">The time the request held or had, when it had one.</param>
    /// <param name="by">Who cancelled.</param>
    public static (string Subject, string Body) CancelledEmail(PracticeOptions practice, string? at, CancelledBy by) =>
        ($"Your consultation with {practice.Name} is cancelled",
        $"""
        Hello,

        {(by == CancelledBy.Prospect
            ? $"As you asked, your free phone consultation with {practice.Name}{OnTime(at)} is cancelled."
            : $"We are sorry: {practice.Name} had to cancel your free phone consultation{OnTime(at)}.")}

        To arrange {(by == CancelledBy.Prospect ? "a consultation again" : "another time")}, call us on {practice.Phone}.

        {practice.Name}
        """);

    public static string ExpiredText(PracticeOptions practice, string at) =>
        $"{practice.Name}: we couldn't confirm the time you picked ({at}) in time, so it was released. "
        + $"To find another time call {practice.Phone}";

    public static (string Subject, string Body) ExpiredEmail(PracticeOptions practice, string at) =>
        ($"Your consultation time with {practice.Name} was released",
        $"""
        Hello,

        We could not confirm the time you picked for your free phone consultation with {practice.Name} ({at}) early enough, so it has been released.

        To find another time, call us on {practice.Phone}.

        {practice.Name}
        """);

    /// <param name="practice">The practice.</param>
    /// <param name="at">The call's time in the therapist's zone, when it had one.</param>
    /// <param name="reference">The request's id.</param>
    public static (string Subject, string Body) TherapistCancelledAlertEmail(PracticeOptions practice, string? at, string reference) =>
        ($"Consultation cancelled at {practice.Name}",
        $"""
        {(at is null
            ? "The prospect withdrew their callback request."
            : $"The prospect cancelled the free {practice.ConsultationMinutes}-minute phone consultation on {at}. The time is free again.")}

        Reference: {reference}
        """);

    private static string InBrackets(string? at) => at is null ? string.Empty : $" ({at})";

    private static string OnTime(string? at) => at is null ? string.Empty : $" on {at}";
}
