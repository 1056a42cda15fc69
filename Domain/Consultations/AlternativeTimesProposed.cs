using Intake.Domain.Availability;
using MediatR;
using NodaTime;

namespace Intake.Domain.Consultations;

/// <summary>
/// The therapist offered other times (the request's ProposedSlots). A Pending request gave up the slot it held:
/// that is <paramref name="ReleasedSlot"/>; null for a callback request.
/// </summary>
public sealed record AlternativeTimesProposed(ConsultationRequest Request, Slot? ReleasedSlot, Instant At) : INotification;
