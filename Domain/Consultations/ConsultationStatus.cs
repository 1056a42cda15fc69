namespace Intake.Domain.Consultations;

/// <summary>Where a consultation request stands. Stored by name, so values can be added freely.</summary>
public enum ConsultationStatus
{
    /// <summary>A callback request: the prospect named no time; the therapist gives one.</summary>
    Requested,
}
