namespace Intake.Domain.Messages.Inbound;

/// <summary>What a text to the practice's number asks for, read from its first word.</summary>
public enum InboundKeyword
{
    /// <summary>Anything else: no action, no reply.</summary>
    None,

    /// <summary>STOP and Twilio's other opt-out words: no more texts to this number.</summary>
    OptOut,

    /// <summary>START or UNSTOP: texts again. (Not YES, which confirms attendance.)</summary>
    OptIn,

    /// <summary>HELP or INFO: how to reach the practice.</summary>
    Help,

    /// <summary>C or YES: the prospect will be there for their next confirmed call.</summary>
    ConfirmAttendance,

    /// <summary>R: the link to change their next call.</summary>
    Reschedule,

    /// <summary>
    /// CANCEL: Twilio treats it as an opt-out, so it stops texts like STOP; it does not cancel a call, and the reply
    /// says so and how to (the manage link, or the practice's phone).
    /// </summary>
    CancelWord,
}

public static class InboundKeywords
{
    private static readonly Dictionary<string, InboundKeyword> Words = new(StringComparer.Ordinal)
    {
        // Twilio's default opt-out words; "STOP ALL" reads as STOP.
        ["STOP"] = InboundKeyword.OptOut,
        ["STOPALL"] = InboundKeyword.OptOut,
        ["UNSUBSCRIBE"] = InboundKeyword.OptOut,
        ["CANCEL"] = InboundKeyword.CancelWord,
        ["END"] = InboundKeyword.OptOut,
        ["QUIT"] = InboundKeyword.OptOut,
        ["OPTOUT"] = InboundKeyword.OptOut,
        ["REVOKE"] = InboundKeyword.OptOut,
        ["START"] = InboundKeyword.OptIn,
        ["UNSTOP"] = InboundKeyword.OptIn,
        ["HELP"] = InboundKeyword.Help,
        ["INFO"] = InboundKeyword.Help,
        ["C"] = InboundKeyword.ConfirmAttendance,
        ["YES"] = InboundKeyword.ConfirmAttendance,
        ["R"] = InboundKeyword.Reschedule,
    };

    private static readonly char[] TrailingPunctuation = ['.', ',', '!', '?', ';', ':'];

    /// <summary>The body trimmed, upper-cased, its first word without trailing punctuation, looked up.</summary>
    public static InboundKeyword Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return InboundKeyword.None;
        var first = body.Trim().ToUpperInvariant()
            .Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries)[0]
            .TrimEnd(TrailingPunctuation);
        return Words.GetValueOrDefault(first, InboundKeyword.None);
    }
}
