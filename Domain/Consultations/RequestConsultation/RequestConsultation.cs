using MediatR;

namespace Intake.Domain.Consultations.RequestConsultation;

/// <summary>
/// The booking form's request, as the website sends it (POST /api/consultations). Every field is nullable
/// so that a missing one is named by the validator rather than lost in deserialisation.
/// </summary>
public sealed record RequestConsultation(
    string? Name,
    string? Phone,
    string? Email,
    string? PreferredChannel,
    bool? SmsConsent,
    string? TimeZone,
    string? Message) : IRequest<ConsultationAccepted>;

public sealed record ConsultationAccepted(ConsultationRequestId Id, ConsultationStatus Status);
