namespace Intake.Domain.Consultations;

/// <summary>Where a consultation request stands. Stored by name, so values can be added freely.</summary>
public enum ConsultationStatus
{
    /// <summary>A callback request: the prospect named no time; the therapist gives one.</summary>
    Requested,

    /// <summary>The prospect picked a slot; it is held until the therapist confirms or declines, or it expires.</summary>
    Pending,

    Confirmed,
    Declined,
    Cancelled,
    Expired,
    Completed,
    NoShow,
}
