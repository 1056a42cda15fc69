using NodaTime;

namespace Intake.Domain.Availability;

/// <summary>Time a therapist is already committed to: a confirmed consultation or a pending request holding its slot.</summary>
public sealed record Booking
{
    public Booking(string therapistId, Instant start, Instant end)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(therapistId);
        if (start >= end)
            throw new ArgumentException($"A booking must start before it ends ({start} is not before {end}).", nameof(end));
        TherapistId = therapistId;
        Start = start;
        End = end;
    }

    public string TherapistId { get; }

    public Instant Start { get; }

    /// <summary>Exclusive.</summary>
    public Instant End { get; }
}
