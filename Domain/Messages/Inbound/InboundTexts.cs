using Intake.Domain.Practices;

namespace Intake.Domain.Messages.Inbound;

/// <summary>
/// The replies to a prospect's keyword texts. Minimum necessary, like every text: the practice, a time, a link or
/// the practice's phone; never the prospect's name or words.
/// </summary>
public static class InboundTexts
{
    public static string Help(PracticeOptions practice) =>
        $"{practice.Name}: for help with your consultation call {practice.Phone}. Reply STOP to opt out of texts.";

    public static string OptedIn(PracticeOptions practice) =>
        $"You're opted back in to texts from {practice.Name}. Reply STOP to opt out.";

    public static string AttendanceConfirmed(PracticeOptions practice, string at) =>
        $"{practice.Name}: thanks — see you at {at}.";

    public static string NoCallToConfirm(PracticeOptions practice) =>
        $"{practice.Name}: we found no upcoming confirmed call for this number. Questions: {practice.Phone}";

    public static string RescheduleLink(PracticeOptions practice, string manageUrl) =>
        $"{practice.Name}: to change or cancel your call, open {manageUrl}";

    public static string NoRequestToChange(PracticeOptions practice) =>
        $"{practice.Name}: we found no upcoming consultation for this number. To book call {practice.Phone}";
}
