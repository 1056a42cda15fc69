namespace Intake.Domain.Consultations;

/// <summary>Who called a consultation off. Stored by name.</summary>
public enum CancelledBy
{
    Prospect,
    Therapist,
}
