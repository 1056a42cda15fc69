using MediatR;
using NodaTime;

namespace Intake.Domain.Consultations;

/// <summary>The prospect did not take the call. No message follows.</summary>
public sealed record ConsultationMarkedNoShow(ConsultationRequest Request, Instant At) : INotification;
