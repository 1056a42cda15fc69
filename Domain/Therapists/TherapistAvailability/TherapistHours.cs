using Intake.Domain.Availability;
using Intake.Domain.Data;
using Intake.Domain.Practices;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Intake.Domain.Therapists.TherapistAvailability;

/// <summary>The shape checks for hours as clients write them, and the one way a change to them is saved.</summary>
internal static class TherapistHours
{
    /// <summary>More windows than this on one day are surely a mistake (and would not fit the weekly column).</summary>
    public const int MaxWindowsPerDay = 24;

    /// <summary>How far ahead a date override may be set: the longest booking horizon a practice may have.</summary>
    public const int MaxDaysAhead = 731;

    // The columns' lengths in TherapistConfiguration.
    private const int WeeklyHoursMaxLength = 4_000;
    private const int DateOverridesMaxLength = 64_000;

    private const string WindowShape = "like 09:00-12:00 (24-hour clock, start before end, end may be 24:00)";

    /// <summary>Monday to Sunday, by name in any case; no numbers, no abbreviations.</summary>
    public static IsoDayOfWeek? Day(string? name)
    {
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
        {
            if (string.Equals(day.ToString(), name, StringComparison.OrdinalIgnoreCase))
                return day;
        }

        return null;
    }

    /// <summary>What is wrong with one day's windows (<paramref name="on"/> names the day in the messages); empty when nothing.</summary>
    public static List<string> Problems(IReadOnlyList<string?>? texts, string on)
    {
        if (texts is null)
            return [$"Give the windows on {on} as a list, e.g. [\"09:00-12:00\"]; an empty list means no hours."];
        if (texts.Count > MaxWindowsPerDay)
            return [$"At most {MaxWindowsPerDay} windows on {on}."];

        var problems = new List<string>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (!TimeWindow.TryParse(texts[i], out _))
                problems.Add($"Window {i + 1} on {on} is not {WindowShape}.");
        }

        if (problems.Count == 0 && !FitOneDay(Windows(texts)))
            problems.Add($"The windows on {on} overlap: each must end before the next starts.");
        return problems;
    }

    /// <summary>The windows of texts <see cref="Problems"/> found nothing wrong with.</summary>
    public static List<TimeWindow> Windows(IReadOnlyList<string?> texts) => texts.Select(text => TimeWindow.Parse(text!)).ToList();

    /// <summary>
    /// Loads the therapist, applies <paramref name="change"/> (which returns an outcome only to stop) and saves the
    /// hours only if nobody changed them in the meantime, retrying on a fresh copy otherwise: two edits at once
    /// (two browser tabs) never lose one another.
    /// </summary>
    public static async Task<AvailabilityChange> ChangeAsync(
        IntakeDbContext db, string therapistId, Func<Therapist, AvailabilityChange?> change, CancellationToken cancellationToken)
    {
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            // An account's therapist exists: the accounts' foreign key keeps it.
            var therapist = await db.Therapists.AsNoTracking().SingleAsync(t => t.Id == therapistId, cancellationToken);
            var (weekly, overrides) = (therapist.WeeklyHours, therapist.DateOverrides);
            if (change(therapist) is { } stopped)
                return stopped;
            if (therapist.WeeklyHours.Length > WeeklyHoursMaxLength || therapist.DateOverrides.Length > DateOverridesMaxLength)
                return new AvailabilityChange.TooLarge();

            var saved = await db.Therapists
                .Where(t => t.Id == therapistId && t.WeeklyHours == weekly && t.DateOverrides == overrides)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(t => t.WeeklyHours, therapist.WeeklyHours)
                    .SetProperty(t => t.DateOverrides, therapist.DateOverrides), cancellationToken);
            if (saved == 1)
                return new AvailabilityChange.Saved(TherapistAvailability.Of(therapist));
            if (attempt == attempts)
                throw new DbUpdateConcurrencyException($"Therapist {therapistId}'s hours changed under {attempts} attempts in a row.");
        }
    }

    /// <summary>TherapistSchedule's rule: the windows of one day, sorted by start, do not overlap.</summary>
    private static bool FitOneDay(List<TimeWindow> windows)
    {
        try
        {
            _ = new TherapistSchedule("check", DateTimeZone.Utc,
                new Dictionary<IsoDayOfWeek, IReadOnlyList<TimeWindow>> { [IsoDayOfWeek.Monday] = windows });
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
