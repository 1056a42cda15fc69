using NodaTime;

namespace Intake.Domain.Availability;

/// <summary>An open consultation time of one therapist, [Start, End) in real time.</summary>
public readonly record struct Slot(string TherapistId, Instant Start, Instant End);
