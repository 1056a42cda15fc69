using NodaTime;

namespace Intake.Tests.Support;

/// <summary>
/// The real Api as <see cref="ApiFactory"/> runs it, with the Twilio webhook settings:
/// <see cref="TwilioWebhookSigner.AuthToken"/> and a public base URL that differs from the address the test client
/// uses, as behind a proxy.
/// </summary>
internal static class TwilioWebhookApi
{
    public static ApiFactory Start(TestDatabase database, IClock clock) => new(database, clock, new Dictionary<string, string>
    {
        ["Twilio:AuthToken"] = TwilioWebhookSigner.AuthToken,
        ["Twilio:WebhookBaseUrl"] = TwilioWebhookSigner.PublicBaseUrl,
    });
}
