using MediatR;

namespace Intake.Domain.Consultations.RequestConsultation;

/// <summary>
/// The booking form's request, as the website sends it (POST /api/consultations). Every field is nullable
/// so that a missing one is named by the validator rather than lost in deserialisation. With a slot
/// (slotStart, ISO 8601 with offset, and therapistId) the request holds that slot; without, it is a callback request.
/// </summary>
public sealed record RequestConsultation(
    string? Name,
    string? Phone,
    string? Email,
    string? PreferredChannel,
    bool? SmsConsent,
    string? TimeZone,
    string? Message,
    string? SlotStart = null,
    string? TherapistId = null) : IRequest<RequestOutcome>;

/// <summary>What became of a well-formed request.</summary>
public abstract record RequestOutcome
{
    public sealed record Accepted(ConsultationRequestId Id, ConsultationStatus Status) : RequestOutcome;

    /// <summary>The slot is not open: outside the therapist's hours, too soon, too far ahead, or taken.</summary>
    public sealed record SlotNotOpen : RequestOutcome;

    public sealed record UnknownTherapist : RequestOutcome;
}
