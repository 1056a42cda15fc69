using NodaTime;

namespace Intake.Domain.Messages;

/// <summary>Why a provider will not deliver to a recipient, when the refusal is about the recipient.</summary>
public enum RecipientRefusal
{
    /// <summary>Not about the recipient (a bad request, the account's configuration), or not known.</summary>
    None,

    /// <summary>The number cannot take texts: invalid, a landline, unreachable, a region not enabled.</summary>
    CannotText,

    /// <summary>The number has opted out of texts (texted STOP) at the provider.</summary>
    OptedOut,
}

/// <summary>
/// What to do when a text cannot reach the prospect's number: Twilio refused it when it was sent, or reported it
/// undelivered afterwards. The person is then reached by email, where they gave an address.
/// </summary>
public static class TextFallback
{
    private const string StopHint = " Reply STOP to opt out.";

    /// <summary>
    /// Twilio's error codes that say the number itself cannot take our texts, so the person is better reached by
    /// email (<see href="https://www.twilio.com/docs/api/errors"/>); the same codes come back on a refused send and on
    /// an "undelivered"/"failed" status callback. Any other code is our request's or our account's fault, and an
    /// email would not help.
    /// </summary>
    public static RecipientRefusal RefusalFor(int? twilioCode) => twilioCode switch
    {
        21610 => RecipientRefusal.OptedOut,   // the recipient texted STOP to this sender
        21211 => RecipientRefusal.CannotText, // invalid 'To' number
        21614 => RecipientRefusal.CannotText, // 'To' is not a mobile number (a landline)
        21408 => RecipientRefusal.CannotText, // texts to the number's region are not enabled
        30003 => RecipientRefusal.CannotText, // unreachable handset
        30004 => RecipientRefusal.CannotText, // message blocked (by the handset or its carrier)
        30005 => RecipientRefusal.CannotText, // unknown destination handset
        30006 => RecipientRefusal.CannotText, // landline or unreachable carrier
        _ => RecipientRefusal.None,
    };

    /// <summary>
    /// The email that replaces a text to the prospect, or null when the text was not to the prospect's own number or
    /// they gave no address. It says what the text said, keeps its time limit, and is due <paramref name="now"/>.
    /// </summary>
    public static OutboundMessage? EmailInsteadOf(OutboundMessage text, string? prospectPhone, string? prospectEmail, string practiceName, Instant now)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Channel != Consultations.ContactChannel.Sms || prospectPhone != text.Recipient || string.IsNullOrWhiteSpace(prospectEmail))
            return null;
        var body = text.Body.EndsWith(StopHint, StringComparison.Ordinal) ? text.Body[..^StopHint.Length] : text.Body;
        return OutboundMessage.Email(text.ConsultationRequestId, text.Kind, prospectEmail, $"A message from {practiceName}", body, now)
            .Scheduled(now, text.NotAfter);
    }
}
