using System.ComponentModel.DataAnnotations;
using MediatR;

namespace Intake.Domain.Consultations.RequestConsultation;

/// <summary>
/// The booking form's request, as the website sends it (POST /api/consultations). Every field is nullable
/// so that a missing one is named by the validator rather than lost in deserialisation. With a slot
/// (slotStart, ISO 8601 with offset, and therapistId) the request holds that slot; without, it is a callback request.
/// </summary>
/// <remarks>[Required] and [DataType] say in the OpenAPI document what the validator checks; they check nothing themselves.</remarks>
public sealed record RequestConsultation(
    [property: Required] string? Name,
    [property: Required] string? Phone,
    [property: Required] string? Email,
    [property: Required] string? PreferredChannel,
    bool? SmsConsent,
    [property: Required] string? TimeZone,
    string? Message,
    [property: DataType(DataType.DateTime)] string? SlotStart = null,
    string? TherapistId = null) : IRequest<RequestOutcome>;

/// <summary>What became of a well-formed request.</summary>
public abstract record RequestOutcome
{
    public sealed record Accepted(ConsultationRequestId Id, ConsultationStatus Status) : RequestOutcome;

    /// <summary>The slot is not open: outside the therapist's hours, too soon, too far ahead, or taken.</summary>
    public sealed record SlotNotOpen : RequestOutcome;

    public sealed record UnknownTherapist : RequestOutcome;
}
