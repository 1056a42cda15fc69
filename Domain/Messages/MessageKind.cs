namespace Intake.Domain.Messages;

/// <summary>What a message tells its recipient. Stored by name.</summary>
public enum MessageKind
{
    /// <summary>To the prospect: the request was received.</summary>
    Acknowledgement,

    /// <summary>To the practice: a new request is waiting.</summary>
    TherapistAlert,
}
