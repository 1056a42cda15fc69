using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Intake.Bench.Load;

/// <summary>The booking form's request for one slot, as the website posts it to /api/consultations.</summary>
internal static class Bookings
{
    private static readonly OffsetDateTimePattern IsoWithOffset = OffsetDateTimePattern.ExtendedIso;

    public static HttpRequestMessage Post(BookableSlot slot) => new(HttpMethod.Post, "/api/consultations")
    {
        Content = new StringContent(Body(slot), Encoding.UTF8, "application/json"),
    };

    public static string Body(BookableSlot slot) => JsonSerializer.Serialize(new
    {
        name = "Jane Doe",
        phone = "(212) 555-0199",
        email = "jane@example.com",
        preferredChannel = "sms",
        smsConsent = true,
        timeZone = slot.ZoneId,
        message = "Benchmark booking",
        slotStart = slot.Start,
        therapistId = slot.TherapistId,
    });

    /// <summary>Every slot of the bench practice's hours from <paramref name="firstDate"/> on, day by day, therapist by therapist.</summary>
    public static IEnumerable<BookableSlot> From(LocalDate firstDate, DateTimeZone zone, IReadOnlyList<string> therapists, IReadOnlyList<string> windows, int minutes)
    {
        for (var date = firstDate; ; date = date.PlusDays(1))
        {
            foreach (var window in windows)
            {
                var parts = window.Split('-');
                var start = LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(parts[0]).Value;
                var end = LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(parts[1]).Value;
                for (var time = start; time.PlusMinutes(minutes) <= end && time.PlusMinutes(minutes) > time; time = time.PlusMinutes(minutes))
                {
                    var at = date.At(time).InZoneLeniently(zone);
                    foreach (var therapist in therapists)
                        yield return new BookableSlot(therapist, IsoWithOffset.Format(at.ToOffsetDateTime()), zone.Id);
                }
            }
        }
    }

    public static string IsoDate(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A slot to ask for: the therapist and its start, ISO 8601 with offset.</summary>
internal sealed record BookableSlot(string TherapistId, string Start, string ZoneId);
