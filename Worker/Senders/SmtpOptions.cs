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

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
