namespace Intake.Worker.Senders;

/// <summary>Section "Outbox": where the development sink writes messages when no Twilio or SMTP is configured.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    public string Directory { get; set; } = "data/outbox";
}
