using NodaTime;
using NodaTime.Text;

namespace Intake.Domain.Availability;

/// <summary>How clients name a calendar date: ISO 8601, e.g. 2027-12-24, in the years 0001 to 9998.</summary>
public static class IsoDate
{
    /// <summary>
    /// The years a client may name. NodaTime reaches 9999, but a day later, or a day's start in a zone west of UTC,
    /// would not fit: keeping a year clear of either end lets every sum on a date (the next day, a zone's midnight) work.
    /// </summary>
    public const int MinYear = 1;

    /// <inheritdoc cref="MinYear"/>
    public const int MaxYear = 9998;

    /// <summary>What a date must look like, for validation messages.</summary>
    public const string Shape = "a date like 2027-12-24 (years 0001 to 9998)";

    /// <summary>The date, or null when the text is not an ISO date, not a real one (2027-02-30) or outside the years allowed.</summary>
    public static LocalDate? Parse(string? text) =>
        text is not null && LocalDatePattern.Iso.Parse(text) is { Success: true } parsed && InRange(parsed.Value.Year)
            ? parsed.Value
            : null;

    internal static bool InRange(int year) => year is >= MinYear and <= MaxYear;
}
