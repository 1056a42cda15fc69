using Intake.Domain.Consultations;

namespace Intake.Domain.Messages;

/// <summary>
/// Whether a message about a request still stands in the request's current state. Cancelling or rescheduling
/// withdraws pending messages in the same transaction; this is the last check at dispatch, for a message that was
/// already claimed (or waiting for its turn) when the change was saved.
/// </summary>
public static class MessageRelevance
{
    private static readonly ConsultationStatus[] NotWithdrawn =
    [
        ConsultationStatus.Requested, ConsultationStatus.Pending, ConsultationStatus.Confirmed,
        ConsultationStatus.Completed, ConsultationStatus.NoShow,
    ];

    private static readonly ConsultationStatus[] CallStands = [ConsultationStatus.Confirmed];

    /// <summary>The states in which each kind of message may still go out.</summary>
    private static readonly Dictionary<MessageKind, ConsultationStatus[]> StandsIn = new()
    {
        [MessageKind.Acknowledgement] = NotWithdrawn,
        [MessageKind.TherapistAlert] = NotWithdrawn,
        [MessageKind.Confirmed] = CallStands,
        [MessageKind.Rescheduled] = CallStands,
        [MessageKind.AlternativesProposed] = [ConsultationStatus.Requested],
        [MessageKind.Declined] = [ConsultationStatus.Declined],
        [MessageKind.Cancelled] = [ConsultationStatus.Cancelled],
        [MessageKind.TherapistCancelledAlert] = [ConsultationStatus.Cancelled],
        [MessageKind.TherapistRescheduledAlert] = CallStands,
        [MessageKind.Expired] = [ConsultationStatus.Expired],
        [MessageKind.Reminder] = CallStands,
    };

    /// <summary>
    /// True when a message of this kind may still be sent for a request in this state. A kind not in the table
    /// (a therapist's daily agenda, which is about no single request) is not held back.
    /// </summary>
    public static bool StillStands(MessageKind kind, ConsultationStatus status) =>
        !StandsIn.TryGetValue(kind, out var states) || states.Contains(status);
}
