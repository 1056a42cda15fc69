using Intake.Domain.Availability;
using Intake.Domain.Consultations;
using NodaTime;

namespace Intake.Domain.Practices;

/// <summary>The practice as configured in the root appsettings.json, section "Practice".</summary>
public sealed class PracticeOptions
{
    public const string Section = "Practice";

    public string Name { get; set; } = string.Empty;

    /// <summary>The number prospects may call with questions; shown in texts and emails.</summary>
    public string Phone { get; set; } = string.Empty;

    /// <summary>ISO 3166 region used to read phone numbers written without a country code.</summary>
    public string PhoneRegion { get; set; } = "US";

    public int ConsultationMinutes { get; set; } = 15;

    /// <summary>Free time kept after each call before the next may start.</summary>
    public int BufferMinutes { get; set; }

    /// <summary>How far ahead a slot must start to be offered; a held slot not confirmed by then expires.</summary>
    public int MinimumNoticeMinutes { get; set; } = 120;

    /// <summary>How far ahead slots are offered (at most two years).</summary>
    public int HorizonDays { get; set; } = 30;

    /// <summary>At most this many calls per therapist per day (their local day); none when absent.</summary>
    public int? MaxPerDay { get; set; }

    /// <summary>
    /// How long a prospect has to answer times the therapist proposed; unanswered, the request expires then, or when
    /// the last proposed time can no longer be taken if that is sooner. Absent: only the latter.
    /// </summary>
    public int? ProposalAnswerHours { get; set; }

    public List<TherapistOptions> Therapists { get; set; } = [];

    /// <summary>How far ahead a slot must start to be offered, and when before its start a held slot expires.</summary>
    public Duration MinimumNotice() => Duration.FromMinutes(MinimumNoticeMinutes);

    public ProposalExpiry ProposalExpiry() => new(
        MinimumNotice(),
        ProposalAnswerHours is { } hours ? Duration.FromHours(hours) : null);

    public AvailabilityRules AvailabilityRules() => new()
    {
        ConsultationLength = Duration.FromMinutes(ConsultationMinutes),
        Buffer = Duration.FromMinutes(BufferMinutes),
        MinimumNotice = MinimumNotice(),
        BookingHorizon = Duration.FromDays(HorizonDays),
        DailyCap = MaxPerDay,
    };
}

public sealed class TherapistOptions
{
    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public string? Phone { get; set; }

    /// <summary>
    /// New-request alerts also go to <see cref="Phone"/> as a text, which may be answered "Y" to confirm; needs a
    /// phone (checked at start).
    /// </summary>
    public bool AlertBySms { get; set; }

    /// <summary>IANA zone id; every message to this therapist is written in it.</summary>
    public string TimeZone { get; set; } = string.Empty;

    /// <summary>Windows per day of the week, e.g. "Monday": ["09:00-12:00", "13:00-17:00"].</summary>
    public Dictionary<string, List<string>> WeeklyHours { get; set; } = [];
}
