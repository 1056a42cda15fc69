namespace Intake.Domain.Messages;

/// <summary>What a message tells its recipient. Stored by name.</summary>
public enum MessageKind
{
    /// <summary>To the prospect: the request was received.</summary>
    Acknowledgement,

    /// <summary>To the practice: a new request is waiting.</summary>
    TherapistAlert,

    /// <summary>To the prospect: the call has a confirmed time.</summary>
    Confirmed,

    /// <summary>To the prospect: the therapist declined the request.</summary>
    Declined,

    /// <summary>To the prospect: the therapist offered other times.</summary>
    AlternativesProposed,

    /// <summary>To the prospect: the confirmed call moved to another time.</summary>
    Rescheduled,

    /// <summary>To the prospect: the consultation was cancelled (by them or by the therapist).</summary>
    Cancelled,

    /// <summary>To the prospect: the time they held was not confirmed in time and was released.</summary>
    Expired,

    /// <summary>To the therapist: the prospect cancelled.</summary>
    TherapistCancelledAlert,

    /// <summary>To the therapist: the prospect moved the confirmed call to another time.</summary>
    TherapistRescheduledAlert,

    /// <summary>To the prospect: the confirmed call is coming up (planned when it is confirmed, replaced when it moves).</summary>
    Reminder,

    /// <summary>To the therapist: the day's confirmed calls, once a day at their local agenda time. About no single request.</summary>
    DailyAgenda,

    /// <summary>A therapist's link to choose a new password; about no request.</summary>
    PasswordReset,
}
