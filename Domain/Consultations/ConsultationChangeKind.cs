namespace Intake.Domain.Consultations;

/// <summary>What one change to a consultation request did. Stored by name, so values can be added freely.</summary>
public enum ConsultationChangeKind
{
    /// <summary>The prospect asked to be called back, naming no time.</summary>
    Requested,

    /// <summary>The prospect asked for the consultation at a time they picked, which is held for them.</summary>
    TimeHeld,

    /// <summary>The therapist confirmed the held time, or gave a callback its time.</summary>
    Confirmed,

    /// <summary>The therapist offered other times.</summary>
    TimesProposed,

    /// <summary>The prospect accepted one of the times offered; the call is confirmed at it.</summary>
    ProposedTimeAccepted,

    Rescheduled,
    Declined,
    Cancelled,

    /// <summary>Nobody confirmed the held time in time, or the prospect left the offered times unanswered.</summary>
    Expired,

    Completed,
    NoShow,

    /// <summary>The prospect said they will be there (replied C or YES to a reminder).</summary>
    AttendanceConfirmed,
}
