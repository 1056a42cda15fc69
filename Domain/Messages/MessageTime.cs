using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Intake.Domain.Messages;

/// <summary>How a moment reads in a message: in the recipient's own zone, with that zone named.</summary>
public static class MessageTime
{
    private static readonly LocalDateTimePattern Pattern =
        LocalDateTimePattern.Create("ddd d MMM, h:mm tt", CultureInfo.InvariantCulture);

    private static readonly LocalDateTimePattern FullPattern =
        LocalDateTimePattern.Create("dddd d MMMM yyyy, h:mm tt", CultureInfo.InvariantCulture);

    /// <summary>"Tuesday 14 March 2027, 10:00 AM EDT": a moment in full, as a page shows it and a screen reader reads it.</summary>
    public static string Full(Instant instant, DateTimeZone zone) =>
        $"{FullPattern.Format(instant.InZone(zone).LocalDateTime)} {zone.GetZoneInterval(instant).Name}";

    /// <summary>"Tue 14 Mar, 10:00 AM EDT": the zone's abbreviation at that instant, or its offset where it has none.</summary>
    public static string Format(Instant instant, DateTimeZone zone)
    {
        var local = instant.InZone(zone);
        return $"{Pattern.Format(local.LocalDateTime)} {zone.GetZoneInterval(instant).Name}";
    }
}
