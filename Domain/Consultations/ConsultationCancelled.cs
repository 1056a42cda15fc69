using MediatR;
using NodaTime;

namespace Intake.Domain.Consultations;

/// <summary>The prospect or the therapist called the consultation off; its holds are released.</summary>
public sealed record ConsultationCancelled(ConsultationRequest Request, CancelledBy By, Instant At) : INotification;
