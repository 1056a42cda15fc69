using Microsoft.Extensions.Configuration;

namespace Intake.Domain.Messages;

/// <summary>
/// Where the Worker sends each channel, as both hosts read it from the one configuration: Twilio when any of its
/// keys is given (then all must be, or the Worker refuses to start), SMTP likewise, and otherwise files in the outbox
/// folder — the development sink, which the Api's readiness check names so nobody mistakes it for delivery.
/// </summary>
public static class MessageSinks
{
    /// <summary>The keys that choose Twilio for texts; Twilio:ApiBaseUrl and Twilio:WebhookBaseUrl only adjust it.</summary>
    public static readonly IReadOnlyList<string> TwilioKeys = ["Twilio:AccountSid", "Twilio:AuthToken", "Twilio:From", "Twilio:MessagingServiceSid"];

    /// <summary>The keys that choose SMTP for email; Port, Security and From have defaults and choose nothing.</summary>
    public static readonly IReadOnlyList<string> SmtpKeys = ["Smtp:Host", "Smtp:Username", "Smtp:Password"];

    public static bool TextsToFiles(IConfiguration configuration) => !AnyGiven(configuration, TwilioKeys);

    public static bool EmailsToFiles(IConfiguration configuration) => !AnyGiven(configuration, SmtpKeys);

    /// <summary>One line for the readiness check: which channels are written to files instead of sent.</summary>
    public static string Describe(IConfiguration configuration) => (TextsToFiles(configuration), EmailsToFiles(configuration)) switch
    {
        (true, true) => "messages are written to files (no Twilio or SMTP settings): nothing is sent",
        (true, false) => "texts are written to files (no Twilio settings); emails go through SMTP",
        (false, true) => "emails are written to files (no SMTP settings); texts go through Twilio",
        _ => "texts go through Twilio, emails through SMTP",
    };

    private static bool AnyGiven(IConfiguration configuration, IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return keys.Any(key => !string.IsNullOrWhiteSpace(configuration[key]));
    }
}
