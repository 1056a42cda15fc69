using Intake.Domain.Availability;
using NodaTime;

namespace Intake.Domain.Consultations;

/// <summary>
/// One minute of one therapist's time, held by one request. The primary key (therapist, minute) is what makes
/// double booking impossible in the database itself: two requests whose calls (plus buffer) overlap would need
/// the same row, and the second insert fails, whatever the timing. See docs/decisions/005.
/// </summary>
public sealed class SlotHold
{
    private static readonly long TicksPerMinute = Duration.FromMinutes(1).BclCompatibleTicks;

    private SlotHold(string therapistId, long minute, ConsultationRequestId heldBy)
    {
        TherapistId = therapistId;
        Minute = minute;
        HeldBy = heldBy;
    }

    public string TherapistId { get; private set; }

    /// <summary>Minutes since the Unix epoch.</summary>
    public long Minute { get; private set; }

    public ConsultationRequestId HeldBy { get; private set; }

    /// <summary>Every minute from the slot's start to its end plus the buffer, so calls keep their gap too.</summary>
    public static IEnumerable<SlotHold> Cover(Slot slot, Duration buffer, ConsultationRequestId heldBy)
    {
        var first = FloorMinute(slot.Start);
        var end = CeilingMinute(slot.End + buffer);
        for (var minute = first; minute < end; minute++)
            yield return new SlotHold(slot.TherapistId, minute, heldBy);
    }

    // Integer arithmetic: ticks since 1970 exceed a double's 53-bit mantissa, so dividing as doubles could round
    // an instant a few ticks off a minute boundary to the wrong side.
    private static long FloorMinute(Instant instant) =>
        Math.DivRem(instant.ToUnixTimeTicks(), TicksPerMinute) is var (minutes, rest) && rest < 0 ? minutes - 1 : minutes;

    private static long CeilingMinute(Instant instant) =>
        Math.DivRem(instant.ToUnixTimeTicks(), TicksPerMinute) is var (minutes, rest) && rest > 0 ? minutes + 1 : minutes;
}
