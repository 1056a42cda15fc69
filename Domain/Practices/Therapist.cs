using System.Text.Json;
using Intake.Domain.Availability;
using NodaTime;
using NodaTime.Text;

namespace Intake.Domain.Practices;

/// <summary>
/// A therapist of the practice: contact details, zone, weekly hours and date overrides. Seeded from
/// configuration on first start; the database is the truth afterwards.
/// </summary>
public sealed class Therapist
{
    private Therapist()
    {
        Id = Name = Email = TimeZoneId = WeeklyHours = DateOverrides = string.Empty;
    }

    public string Id { get; private set; }

    public string Name { get; private set; }

    public string Email { get; private set; }

    public string? Phone { get; private set; }

    /// <summary>IANA zone id; the therapist's hours are read, and messages to them written, in it.</summary>
    public string TimeZoneId { get; private set; }

    /// <summary>JSON: {"Monday": ["09:00-12:00", "13:00-17:00"], ...}.</summary>
    public string WeeklyHours { get; private set; }

    /// <summary>JSON: {"2027-12-24": [], "2027-12-27": ["10:00-12:00"]}: an empty list is a day off.</summary>
    public string DateOverrides { get; private set; }

    public DateTimeZone TimeZone => DateTimeZoneProviders.Tzdb[TimeZoneId];

    public static Therapist FromSettings(TherapistOptions settings) => new()
    {
        Id = settings.Id,
        Name = settings.Name,
        Email = settings.Email,
        Phone = settings.Phone,
        TimeZoneId = settings.TimeZone,
        WeeklyHours = JsonSerializer.Serialize(settings.WeeklyHours),
        DateOverrides = "{}",
    };

    public TherapistSchedule Schedule()
    {
        var weekly = JsonSerializer.Deserialize<Dictionary<string, List<string>>>(WeeklyHours) ?? [];
        var overrides = JsonSerializer.Deserialize<Dictionary<string, List<string>>>(DateOverrides) ?? [];
        return new TherapistSchedule(
            Id,
            TimeZone,
            weekly.ToDictionary(day => Enum.Parse<IsoDayOfWeek>(day.Key, ignoreCase: true), day => (IReadOnlyList<TimeWindow>)Windows(day.Value)),
            overrides.ToDictionary(day => LocalDatePattern.Iso.Parse(day.Key).Value, day => (IReadOnlyList<TimeWindow>)Windows(day.Value)));
    }

    private static List<TimeWindow> Windows(List<string> windows) => windows.Select(TimeWindow.Parse).ToList();
}
