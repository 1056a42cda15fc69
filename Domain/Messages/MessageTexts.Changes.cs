using Intake.Domain.Messages.Templates;
using Intake.Domain.Practices;

namespace Intake.Domain.Messages;

public static partial class MessageTexts
{
    /// <param name="practice">The practice.</param>
    /// <param name="from">The time the call had, in the therapist's zone.</param>
    /// <param name="to">The time it has now, in the therapist's zone.</param>
    /// <param name="reference">The request's id.</param>
    public static (string Subject, string Body) TherapistRescheduledAlertEmail(PracticeOptions practice, string from, string to, string reference) =>
        MessageTemplates.Email("therapist-rescheduled-alert.email",
            MessageTemplates.Values(practice, ("from", from), ("to", to), ("reference", reference)));

    /// <summary>The proposal the prospect left unanswered has lapsed: no time to name, only what to do next.</summary>
    public static string ProposalExpiredText(PracticeOptions practice) =>
        MessageTemplates.Text("proposal-expired.sms", MessageTemplates.Values(practice));

    public static (string Subject, string Body) ProposalExpiredEmail(PracticeOptions practice) =>
        MessageTemplates.Email("proposal-expired.email", MessageTemplates.Values(practice));
}
