using System.ComponentModel.DataAnnotations;
using Intake.Api.Availability;
using Intake.Domain.Availability;
using Intake.Domain.Consultations;
using Intake.Domain.Therapists.TherapistAvailability;
using Intake.Domain.Therapists.TherapistConsultations;
using NodaTime;
using NodaTime.Text;

namespace Intake.Api.Therapists;

public sealed record TherapistInboxResponse(string TimeZone, IReadOnlyList<TherapistConsultationResponse> Consultations);

/// <summary>A request as the therapist reads it; every time in the therapist's zone.</summary>
public sealed record TherapistConsultationResponse(
    Guid Id,
    ConsultationStatus Status,
    string? TherapistId,
    [property: DataType(DataType.DateTime)] string SubmittedAt,
    [property: DataType(DataType.DateTime)] string? SlotStart,
    [property: DataType(DataType.DateTime)] string? SlotEnd,
    ProspectResponse Prospect,
    string? Message,
    IReadOnlyList<SlotEndpoints.SlotResponse> ProposedSlots,
    string? DeclineNote,
    CancelledBy? CancelledBy)
{
    public static TherapistConsultationResponse From(TherapistConsultation consultation, DateTimeZone zone) => new(
        consultation.Id.Value,
        consultation.Status,
        consultation.TherapistId,
        OffsetTimes.Format(consultation.SubmittedAt, zone),
        OffsetTimes.Format(consultation.SlotStart, zone),
        OffsetTimes.Format(consultation.SlotEnd, zone),
        ProspectResponse.From(consultation.Prospect),
        consultation.Message,
        consultation.ProposedSlots.Select(slot => SlotEndpoints.SlotResponse.From(slot, zone)).ToList(),
        consultation.DeclineNote,
        consultation.CancelledBy);
}

/// <summary>The prospect as they gave themselves; their zone is the one every message to them is written in.</summary>
public sealed record ProspectResponse(string Name, string Phone, string Email, ContactChannel PreferredChannel, bool SmsConsent, string TimeZone)
{
    public static ProspectResponse From(Prospect prospect) =>
        new(prospect.Name, prospect.Phone, prospect.Email, prospect.PreferredChannel, prospect.SmsConsent, prospect.TimeZone.Id);
}

/// <summary>Weekly hours by day name (Monday first) and date overrides by ISO date (earliest first), in the therapist's zone.</summary>
public sealed record AvailabilityResponse(
    string TimeZone,
    IReadOnlyDictionary<string, IReadOnlyList<string>> WeeklyHours,
    IReadOnlyDictionary<string, IReadOnlyList<string>> DateOverrides)
{
    public static AvailabilityResponse From(TherapistAvailability availability) => new(
        availability.TimeZone.Id,
        availability.WeeklyHours.OrderBy(day => day.Key).ToDictionary(day => day.Key.ToString(), day => (IReadOnlyList<string>)Texts(day.Value)),
        availability.DateOverrides.OrderBy(day => day.Key).ToDictionary(day => LocalDatePattern.Iso.Format(day.Key), day => (IReadOnlyList<string>)Texts(day.Value)));

    private static List<string> Texts(IReadOnlyList<TimeWindow> windows) => windows.Select(window => window.ToString()).ToList();
}
