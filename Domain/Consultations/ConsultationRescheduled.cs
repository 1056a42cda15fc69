using Intake.Domain.Availability;
using MediatR;
using NodaTime;

namespace Intake.Domain.Consultations;

/// <summary>A confirmed call moved from PreviousSlot to the request's current slot, and its holds with it, by <paramref name="By"/>.</summary>
public sealed record ConsultationRescheduled(ConsultationRequest Request, Slot PreviousSlot, Instant At, RescheduledBy By = RescheduledBy.Therapist)
    : INotification;
