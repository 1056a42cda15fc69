using NodaTime;
using NodaTime.Text;

namespace Intake.Api;

/// <summary>How every response writes a moment for a person: ISO 8601 in their zone, with that zone's offset then.</summary>
internal static class OffsetTimes
{
    /// <summary>"2027-03-15T09:00:00-04:00": always with seconds and a numeric offset (never "Z").</summary>
    private static readonly OffsetDateTimePattern Iso = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    public static string Format(Instant instant, DateTimeZone zone) => Iso.Format(instant.InZone(zone).ToOffsetDateTime());

    public static string? Format(Instant? instant, DateTimeZone zone) => instant is { } known ? Format(known, zone) : null;
}
