namespace Intake.Worker.Senders;

/// <summary>Section "Twilio". Texts go through Twilio when AccountSid, AuthToken and From or MessagingServiceSid are set.</summary>
public sealed class TwilioOptions
{
    public const string Section = "Twilio";

    public string? AccountSid { get; set; }

    public string? AuthToken { get; set; }

    /// <summary>The sending number, E.164.</summary>
    public string? From { get; set; }

    /// <summary>A Messaging Service SID (MG...); used instead of From when set.</summary>
    public string? MessagingServiceSid { get; set; }

    /// <summary>Send API calls here instead of https://api.twilio.com (an egress proxy, or the tests' stand-in).</summary>
    public Uri? ApiBaseUrl { get; set; }

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(AccountSid) && !string.IsNullOrWhiteSpace(AuthToken)
        && (!string.IsNullOrWhiteSpace(From) || !string.IsNullOrWhiteSpace(MessagingServiceSid));
}
