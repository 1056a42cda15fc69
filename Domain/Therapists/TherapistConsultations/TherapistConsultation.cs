using Intake.Domain.Availability;
using Intake.Domain.Consultations;
using NodaTime;

namespace Intake.Domain.Therapists.TherapistConsultations;

/// <summary>
/// A consultation request as the therapist reads it: everything the prospect gave, their own words included.
/// Read here and nowhere else: never logged, never put in a text or an email.
/// </summary>
public sealed record TherapistConsultation(
    ConsultationRequestId Id,
    ConsultationStatus Status,
    Instant SubmittedAt,
    string? TherapistId,
    Instant? SlotStart,
    Instant? SlotEnd,
    Prospect Prospect,
    string? Message,
    IReadOnlyList<Slot> ProposedSlots,
    string? DeclineNote,
    CancelledBy? CancelledBy)
{
    internal static TherapistConsultation From(ConsultationRequest request) => new(
        request.Id,
        request.Status,
        request.SubmittedAt,
        request.TherapistId,
        request.SlotStart,
        request.SlotEnd,
        request.Prospect,
        request.Message,
        request.ProposedSlots.ToList(),
        request.DeclineNote,
        request.CancelledBy);
}

/// <summary>The signed-in therapist's requests, read in <paramref name="TimeZone"/>, the therapist's own zone.</summary>
public sealed record TherapistInbox(DateTimeZone TimeZone, IReadOnlyList<TherapistConsultation> Consultations);

/// <summary>One request, read in <paramref name="TimeZone"/>, the therapist's own zone.</summary>
public sealed record TherapistInboxItem(DateTimeZone TimeZone, TherapistConsultation Consultation);
