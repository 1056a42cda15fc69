using Intake.Domain.Messages.Templates;
using Intake.Domain.Practices;

namespace Intake.Domain.Messages;

public static partial class MessageTexts
{
    /// <summary>The proposal the prospect left unanswered has lapsed: no time to name, only what to do next.</summary>
    public static string ProposalExpiredText(PracticeOptions practice) =>
        MessageTemplates.Text("proposal-expired.sms", MessageTemplates.Values(practice));

    public static (string Subject, string Body) ProposalExpiredEmail(PracticeOptions practice) =>
        MessageTemplates.Email("proposal-expired.email", MessageTemplates.Values(practice));
}
