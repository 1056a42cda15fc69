using NodaTime;
using NodaTime.Text;

namespace Intake.Domain.Availability;

/// <summary>How clients name a slot: its start, ISO 8601 with the offset they read it in.</summary>
public static class SlotStart
{
    public const string Example = "2027-03-15T09:00:00-04:00";

    /// <summary>
    /// The instant, or null when the text is not ISO 8601 with an offset, or names a time outside the years
    /// 0001 to 9998 (as written or in UTC): every later sum on it (its end, its buffer, its day in a zone) then fits.
    /// </summary>
    public static Instant? Parse(string? text)
    {
        if (text is null || OffsetDateTimePattern.ExtendedIso.Parse(text) is not { Success: true } parsed
            || !IsoDate.InRange(parsed.Value.Year))
        {
            return null;
        }

        // Within the years allowed, an offset of at most 18 hours cannot leave NodaTime's range.
        var instant = parsed.Value.ToInstant();
        return IsoDate.InRange(instant.InUtc().Year) ? instant : null;
    }
}
