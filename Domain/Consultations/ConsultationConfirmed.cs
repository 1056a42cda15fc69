using MediatR;
using NodaTime;

namespace Intake.Domain.Consultations;

/// <summary>The call has a confirmed time (the therapist confirmed it, or the prospect accepted a proposed time).</summary>
public sealed record ConsultationConfirmed(ConsultationRequest Request, Instant At) : INotification;
