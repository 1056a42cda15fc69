using MediatR;
using NodaTime;

namespace Intake.Domain.Consultations;

/// <summary>
/// The request lapsed: a held slot was not confirmed before the minimum notice ran out (its hold is released), or,
/// with <paramref name="ProposalLapsed"/>, the prospect did not answer the times the therapist proposed in time.
/// </summary>
public sealed record ConsultationExpired(ConsultationRequest Request, Instant At, bool ProposalLapsed) : INotification;
