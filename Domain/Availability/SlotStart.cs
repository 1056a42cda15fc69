using NodaTime;
using NodaTime.Text;

namespace Intake.Domain.Availability;

/// <summary>How clients name a slot: its start, ISO 8601 with the offset they read it in.</summary>
public static class SlotStart
{
    public const string Example = "2027-03-15T09:00:00-04:00";

    /// <summary>The instant, or null when the text is not ISO 8601 with an offset.</summary>
    public static Instant? Parse(string? text) =>
        text is not null && OffsetDateTimePattern.ExtendedIso.Parse(text) is { Success: true } parsed
            ? parsed.Value.ToInstant()
            : null;
}
