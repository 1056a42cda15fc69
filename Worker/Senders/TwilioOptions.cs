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

    /// <summary>
    /// The Api's public base address (e.g. https://intake.example.org). When set, every message asks Twilio to post
    /// its delivery reports to {WebhookBaseUrl}/api/twilio/status; empty means no status callbacks.
    /// </summary>
    public Uri? WebhookBaseUrl { get; set; }

    /// <summary>The address Twilio posts delivery reports to, or null when no webhook base is configured.</summary>
    public Uri? StatusCallbackUrl => WebhookBaseUrl is { IsAbsoluteUri: true } baseUrl ? new Uri(baseUrl, "/api/twilio/status") : null;

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(AccountSid) && !string.IsNullOrWhiteSpace(AuthToken)
        && (!string.IsNullOrWhiteSpace(From) || !string.IsNullOrWhiteSpace(MessagingServiceSid));
}
