using Intake.Domain.Availability;
using MediatR;
using NodaTime;

namespace Intake.Domain.Consultations;

/// <summary>A confirmed call moved from PreviousSlot to the request's current slot, and its holds with it.</summary>
public sealed record ConsultationRescheduled(ConsultationRequest Request, Slot PreviousSlot, Instant At) : INotification;
