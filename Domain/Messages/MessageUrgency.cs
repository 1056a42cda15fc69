namespace Intake.Domain.Messages;

/// <summary>
/// Which messages may reach a prospect during their quiet hours. Only the acknowledgement of a request just made
/// goes at once (the prospect is at their screen and waiting for it); every other message to a prospect waits for
/// the end of the quiet period in the prospect's own zone, both when it is queued and again at dispatch. Messages
/// to the practice (alerts, the daily agenda) keep their own timing in the therapist's zone. Replies to an inbound
/// text (HELP, STOP ...) are Twilio's answer to the request itself and are not outbound messages at all.
/// </summary>
public static class MessageUrgency
{
    /// <summary>Every kind, decided once: true where the message waits out the recipient's quiet hours.</summary>
    private static readonly Dictionary<MessageKind, bool> WaitsOutQuietHours = new()
    {
        [MessageKind.Acknowledgement] = false,
        [MessageKind.TherapistAlert] = false,
        [MessageKind.TherapistCancelledAlert] = false,
        [MessageKind.TherapistRescheduledAlert] = false,
        [MessageKind.DailyAgenda] = false,
        [MessageKind.PasswordReset] = false,
        [MessageKind.Confirmed] = true,
        [MessageKind.Declined] = true,
        [MessageKind.AlternativesProposed] = true,
        [MessageKind.Rescheduled] = true,
        [MessageKind.Cancelled] = true,
        [MessageKind.Expired] = true,
        [MessageKind.Reminder] = true,
    };

    /// <summary>The kinds this table decides; a test checks that it names every <see cref="MessageKind"/>.</summary>
    public static IEnumerable<MessageKind> Decided => WaitsOutQuietHours.Keys;

    /// <summary>
    /// True when a message of this kind is held back while the recipient's quiet hours last. A kind not in the table
    /// is treated as one to the practice (not held back).
    /// </summary>
    public static bool WaitsForQuietHoursToEnd(MessageKind kind) =>
        WaitsOutQuietHours.TryGetValue(kind, out var waits) && waits;
}
