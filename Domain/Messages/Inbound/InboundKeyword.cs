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

    /// <summary>
    /// Y, or Y and a request's code ("Y 4821"): a therapist confirms a held time from a text alert. Only from a
    /// therapist's own number with text alerts on; from anyone else it is <see cref="None"/>.
    /// </summary>
    ConfirmRequest,
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
        ["Y"] = InboundKeyword.ConfirmRequest,
    };

    private static readonly char[] TrailingPunctuation = ['.', ',', '!', '?', ';', ':'];

    /// <summary>The body trimmed, upper-cased, its first word without trailing punctuation, looked up.</summary>
    public static InboundKeyword Parse(string? body) =>
        Words.GetValueOrDefault(Word(body, 0) ?? string.Empty, InboundKeyword.None);

    /// <summary>The second word, read the same way ("Y 4821" → "4821"); null when there is none.</summary>
    public static string? Argument(string? body) => Word(body, 1);

    private static string? Word(string? body, int index)
    {
        if (string.IsNullOrWhiteSpace(body))
            return null;
        var words = body.Trim().ToUpperInvariant().Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
        return index < words.Length ? words[index].TrimEnd(TrailingPunctuation) : null;
    }
}
