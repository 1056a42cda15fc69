namespace Intake.Domain.Consultations;

/// <summary>Who made a change to a consultation request. Stored by name.</summary>
public enum ChangedBy
{
    Prospect,
    Therapist,

    /// <summary>Intake itself, with nobody acting: a request expiring.</summary>
    Intake,
}
