using System.Text.Json;
using Intake.Domain.Availability;
using Phones = Intake.Domain.Consultations.PhoneNumbers;
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

    /// <summary>New-request alerts also go to <see cref="Phone"/> as a text, which the therapist may answer "Y" to confirm.</summary>
    public bool AlertBySms { get; private set; }

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
        AlertBySms = settings.AlertBySms,
        TimeZoneId = settings.TimeZone,
        WeeklyHours = JsonSerializer.Serialize(settings.WeeklyHours),
        DateOverrides = "{}",
    };

    /// <summary>
    /// The number new-request alerts are texted to, and the only one whose "Y" confirms for this therapist: the
    /// phone as E.164 (read as <see cref="Phones"/> reads a prospect's, numbers without a country code in
    /// <paramref name="phoneRegion"/>), when <see cref="AlertBySms"/> is on and the phone reads as a number; else none.
    /// </summary>
    public string? TextAlertNumber(string phoneRegion) =>
        AlertBySms && Phones.TryToE164(Phone, phoneRegion, out var e164) ? e164 : null;

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

    /// <summary>
    /// Replaces the weekly hours with these windows per day of the week (a day left out has none). Only the slots
    /// offered from now on change: bookings already held or confirmed keep their time.
    /// </summary>
    /// <exception cref="ArgumentException">A day is not Monday to Sunday, or its windows overlap.</exception>
    public void SetWeeklyHours(IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<TimeWindow>> hours)
    {
        var schedule = new TherapistSchedule(Id, TimeZone, hours, Schedule().Overrides);
        WeeklyHours = JsonSerializer.Serialize(schedule.Weekly
            .OrderBy(day => day.Key)
            .ToDictionary(day => day.Key.ToString(), day => Texts(day.Value)));
    }

    /// <summary>Replaces the weekly hours on one local date with these windows; an empty list makes it a day off.</summary>
    /// <exception cref="ArgumentException">The windows overlap.</exception>
    public void SetDateOverride(LocalDate date, IReadOnlyList<TimeWindow> windows)
    {
        var overrides = Schedule().Overrides.ToDictionary();
        overrides[date] = windows;
        StoreOverrides(overrides);
    }

    /// <summary>True when <paramref name="date"/> has its own windows instead of the weekly ones.</summary>
    public bool HasDateOverride(LocalDate date) => Schedule().Overrides.ContainsKey(date);

    /// <summary>The weekly hours apply again on <paramref name="date"/>; nothing changes when it had no override.</summary>
    public void RemoveDateOverride(LocalDate date)
    {
        var overrides = Schedule().Overrides.ToDictionary();
        if (overrides.Remove(date))
            StoreOverrides(overrides);
    }

    /// <summary>Forgets the overrides of dates before <paramref name="date"/>: they can no longer change any offer.</summary>
    public void ForgetDateOverridesBefore(LocalDate date)
    {
        var overrides = Schedule().Overrides.Where(day => day.Key >= date).ToDictionary();
        StoreOverrides(overrides);
    }

    private void StoreOverrides(Dictionary<LocalDate, IReadOnlyList<TimeWindow>> overrides)
    {
        var schedule = new TherapistSchedule(Id, TimeZone, Schedule().Weekly, overrides);
        DateOverrides = JsonSerializer.Serialize(schedule.Overrides
            .OrderBy(day => day.Key)
            .ToDictionary(day => LocalDatePattern.Iso.Format(day.Key), day => Texts(day.Value)));
    }

    private static List<TimeWindow> Windows(List<string> windows) => windows.Select(TimeWindow.Parse).ToList();

    private static List<string> Texts(IReadOnlyList<TimeWindow> windows) => windows.Select(window => window.ToString()).ToList();
}
