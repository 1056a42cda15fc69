using MediatR;
using NodaTime;

namespace Intake.Domain.Consultations;

/// <summary>A held slot was not confirmed before the minimum notice ran out; the hold is released.</summary>
public sealed record ConsultationExpired(ConsultationRequest Request, Instant At) : INotification;
