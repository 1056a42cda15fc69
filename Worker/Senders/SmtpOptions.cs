using MailKit.Security;

namespace Intake.Worker.Senders;

/// <summary>Section "Smtp". Email goes through SMTP (MailKit) when Host is set.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>Auto, None, SslOnConnect, StartTls or StartTlsWhenAvailable.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The From address, e.g. "Calm Harbor Counseling &lt;hello@example.com&gt;".</summary>
    public string From { get; set; } = "Intake <intake@localhost>";

    /// <summary>How long one whole send (connect, sign in, send) may take; shorter than the claim's lease.</summary>
    public double TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    /// <summary>
    /// True when any key that only an email server needs is given (Host, Username, Password): then Host must be, and a
    /// Username needs its Password. Port, Security and From have defaults and choose nothing on their own.
    /// </summary>
    public bool IsGiven =>
        !string.IsNullOrWhiteSpace(Host) || !string.IsNullOrWhiteSpace(Username) || !string.IsNullOrWhiteSpace(Password);

    /// <summary>The keys still needed for email to go through SMTP, once any of them is given.</summary>
    public IReadOnlyList<string> MissingKeys()
    {
        if (!IsGiven)
            return [];
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(Host))
            missing.Add("Smtp:Host");
        if (!string.IsNullOrWhiteSpace(Username) && string.IsNullOrEmpty(Password))
            missing.Add("Smtp:Password");
        if (string.IsNullOrWhiteSpace(Username) && !string.IsNullOrEmpty(Password))
            missing.Add("Smtp:Username");
        return missing;
    }
}
