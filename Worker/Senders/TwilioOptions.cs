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

    /// <summary>How long one call to Twilio may take before its outcome counts as unknown; shorter than the claim's lease.</summary>
    public double TimeoutSeconds { get; set; } = 30;

    /// <summary>True when any of the keys that choose Twilio is given: then all of them must be.</summary>
    public bool IsGiven =>
        !string.IsNullOrWhiteSpace(AccountSid) || !string.IsNullOrWhiteSpace(AuthToken)
        || !string.IsNullOrWhiteSpace(From) || !string.IsNullOrWhiteSpace(MessagingServiceSid);

    /// <summary>The keys still needed for texts to go through Twilio, once any of them is given.</summary>
    public IReadOnlyList<string> MissingKeys()
    {
        if (!IsGiven)
            return [];
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(AccountSid))
            missing.Add("Twilio:AccountSid");
        if (string.IsNullOrWhiteSpace(AuthToken))
            missing.Add("Twilio:AuthToken");
        if (string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(MessagingServiceSid))
            missing.Add("Twilio:From (or Twilio:MessagingServiceSid)");
        return missing;
    }

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(AccountSid) && !string.IsNullOrWhiteSpace(AuthToken)
        && (!string.IsNullOrWhiteSpace(From) || !string.IsNullOrWhiteSpace(MessagingServiceSid));
}
