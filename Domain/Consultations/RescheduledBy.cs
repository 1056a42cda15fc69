namespace Intake.Domain.Consultations;

/// <summary>Who moved a confirmed call: the other side is told.</summary>
public enum RescheduledBy
{
    Therapist,
    Prospect,
}
