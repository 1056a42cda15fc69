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

    public List<TherapistOptions> Therapists { get; set; } = [];
}

public sealed class TherapistOptions
{
    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public string? Phone { get; set; }

    /// <summary>IANA zone id; every message to this therapist is written in it.</summary>
    public string TimeZone { get; set; } = string.Empty;
}
