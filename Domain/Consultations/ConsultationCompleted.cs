using MediatR;
using NodaTime;

namespace Intake.Domain.Consultations;

/// <summary>The call took place. No message follows.</summary>
public sealed record ConsultationCompleted(ConsultationRequest Request, Instant At) : INotification;
