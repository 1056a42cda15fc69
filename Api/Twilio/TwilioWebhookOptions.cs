namespace Intake.Api.Twilio;

/// <summary>What the Api needs from section "Twilio" to trust a webhook.</summary>
public sealed class TwilioWebhookOptions
{
    public const string Section = "Twilio";

    /// <summary>The account's auth token: the key of every X-Twilio-Signature. Without it every webhook is refused.</summary>
    public string? AuthToken { get; set; }

    /// <summary>
    /// The public scheme, host and any path prefix Twilio posts to (https://intake.example.org), as configured in
    /// the Twilio console; a proxy in front of the Api changes what the Api itself sees. Empty: the request's own.
    /// </summary>
    public string? WebhookBaseUrl { get; set; }
}
