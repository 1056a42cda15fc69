using Intake.Domain.Availability;
using Intake.Domain.Practices;
using NodaTime;

namespace Intake.Domain.Therapists.TherapistAvailability;

/// <summary>When a therapist takes consultations: weekly windows and date overrides, read in their own zone.</summary>
public sealed record TherapistAvailability(
    DateTimeZone TimeZone,
    IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<TimeWindow>> WeeklyHours,
    IReadOnlyDictionary<LocalDate, IReadOnlyList<TimeWindow>> DateOverrides)
{
    internal static TherapistAvailability Of(Therapist therapist)
    {
        var schedule = therapist.Schedule();
        return new TherapistAvailability(schedule.Zone, schedule.Weekly, schedule.Overrides);
    }
}

/// <summary>What became of a change to a therapist's hours; the Api maps each case to a status.</summary>
public abstract record AvailabilityChange
{
    private AvailabilityChange()
    {
    }

    /// <summary>Stored; the hours as they now are.</summary>
    public sealed record Saved(TherapistAvailability Availability) : AvailabilityChange;

    /// <summary>No override on the date to remove.</summary>
    public sealed record NotFound : AvailabilityChange;

    /// <summary>The hours would not fit their column: too many date overrides are stored. 409.</summary>
    public sealed record TooLarge : AvailabilityChange;
}
