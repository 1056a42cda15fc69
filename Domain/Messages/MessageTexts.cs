using Intake.Domain.Practices;

namespace Intake.Domain.Messages;

/// <summary>
/// The words of every message. Minimum necessary: the practice, the time and what happens next; never the
/// prospect's own words, never their name in a text that a lock screen may show.
/// </summary>
public static partial class MessageTexts
{
    public static string AcknowledgementText(PracticeOptions practice, string receivedAt) =>
        $"{practice.Name}: we received your request for a free {practice.ConsultationMinutes}-min phone consultation "
        + $"({receivedAt}) and will be in touch to arrange a time. Questions: {practice.Phone}. Reply STOP to opt out.";

    /// <param name="practice">The practice.</param>
    /// <param name="receivedAt">When the request arrived, in the prospect's zone.</param>
    /// <param name="manageUrl">The prospect's manage link for this request.</param>
    public static (string Subject, string Body) AcknowledgementEmail(PracticeOptions practice, string receivedAt, string manageUrl) =>
        ($"Your consultation request with {practice.Name}",
        $"""
        Hello,

        {practice.Name} received your request for a free {practice.ConsultationMinutes}-minute phone consultation on {receivedAt}.

        We will be in touch shortly to arrange a time for the call. If you have a question in the meantime, call us on {practice.Phone}.

        {ManageLine(manageUrl)}

        {practice.Name}
        """);

    public static string SlotHeldText(PracticeOptions practice, string callAt) =>
        $"{practice.Name}: we received your request for a free {practice.ConsultationMinutes}-min phone consultation on {callAt}. "
        + $"We'll confirm soon. Questions: {practice.Phone}. Reply STOP to opt out.";

    /// <param name="practice">The practice.</param>
    /// <param name="callAt">The held time, in the prospect's zone.</param>
    /// <param name="manageUrl">The prospect's manage link for this request.</param>
    public static (string Subject, string Body) SlotHeldEmail(PracticeOptions practice, string callAt, string manageUrl) =>
        ($"Your consultation request with {practice.Name}",
        $"""
        Hello,

        {practice.Name} received your request for a free {practice.ConsultationMinutes}-minute phone consultation on {callAt}.

        The time is held for you; we will confirm it shortly. If you have a question in the meantime, call us on {practice.Phone}.

        {ManageLine(manageUrl)}

        {practice.Name}
        """);

    public static (string Subject, string Body) SlotAlertEmail(PracticeOptions practice, string receivedAt, string callAt, string reference) =>
        ($"New consultation request at {practice.Name}: {callAt}",
        $"""
        A new request for a free {practice.ConsultationMinutes}-minute phone consultation arrived on {receivedAt}.

        Requested time: {callAt} (held until you confirm or decline it)
        Reference: {reference}

        Open Intake to read the request and respond.
        """);

    public static (string Subject, string Body) TherapistAlertEmail(PracticeOptions practice, string receivedAt, string reference) =>
        ($"New consultation request at {practice.Name}",
        $"""
        A new request for a free {practice.ConsultationMinutes}-minute phone consultation arrived on {receivedAt}.

        Reference: {reference}
        The prospect asked to be called back to arrange a time.

        Open Intake to read the request and respond.
        """);

    /// <summary>The line that carries the manage link, in every email to the prospect about an open request (never in a text).</summary>
    private static string ManageLine(string manageUrl) => $"Manage or cancel your request: {manageUrl}";
}
