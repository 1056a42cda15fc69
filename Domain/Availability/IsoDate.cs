using NodaTime;
using NodaTime.Text;

namespace Intake.Domain.Availability;

/// <summary>How clients name a calendar date: ISO 8601, e.g. 2027-12-24.</summary>
public static class IsoDate
{
    /// <summary>The date, or null when the text is not an ISO date (or is not a real one, like 2027-02-30).</summary>
    public static LocalDate? Parse(string? text) =>
        text is not null && LocalDatePattern.Iso.Parse(text) is { Success: true } parsed ? parsed.Value : null;
}
