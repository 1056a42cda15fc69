using MediatR;
using NodaTime;

namespace Intake.Domain.Consultations;

/// <summary>The therapist declined the request; its holds are released. The note, if any, is on the request.</summary>
public sealed record ConsultationDeclined(ConsultationRequest Request, Instant At) : INotification;
