using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Intake.Domain.Consultations;
using NodaTime;
using IcsCalendar = Ical.Net.Calendar;

namespace Intake.Domain.Messages.Calendar;

/// <summary>
/// The iCalendar (RFC 5545, iTIP RFC 5546) invitation an email to the prospect carries for a call with a time.
/// One event per request: its UID never changes, its SEQUENCE is the request's <see cref="ConsultationRequest.CalendarSequence"/>,
/// so a calendar that holds the call updates it on a reschedule (REQUEST) and removes it on a cancel (CANCEL).
/// Times are written in the prospect's own zone (TZID plus its VTIMEZONE). Minimum necessary: the practice, the time
/// and the manage link; never the prospect's name or words.
/// </summary>
public static class ConsultationInvite
{
    public const string ProductId = "-//Intake//Consultations//EN";

    /// <summary>The event's UID: the same for every invitation about the request.</summary>
    public static string UidFor(ConsultationRequestId id) => $"{id}@intake";

    /// <summary>The call at its (new) time: METHOD:REQUEST, STATUS:CONFIRMED.</summary>
    /// <param name="request">A request with a time.</param>
    /// <param name="practiceName">Named in the summary and as the organizer.</param>
    /// <param name="organizerEmail">The organizer's address (the email's From), or null to leave the organizer out.</param>
    /// <param name="manageUrl">The prospect's manage link, given in the description when present.</param>
    /// <param name="now">The DTSTAMP: when the change was made.</param>
    public static string Request(ConsultationRequest request, string practiceName, string? organizerEmail, string? manageUrl, Instant now) =>
        Build(request, CalendarMethods.Request, EventStatus.Confirmed, practiceName, organizerEmail, manageUrl, now);

    /// <summary>The call is off: METHOD:CANCEL, STATUS:CANCELLED, the same UID and a higher SEQUENCE than the last request.</summary>
    /// <param name="request">A request that had a time.</param>
    /// <param name="practiceName">Named in the summary and as the organizer.</param>
    /// <param name="organizerEmail">The organizer's address (the email's From), or null to leave the organizer out.</param>
    /// <param name="now">The DTSTAMP: when the call was called off.</param>
    public static string Cancel(ConsultationRequest request, string practiceName, string? organizerEmail, Instant now) =>
        Build(request, CalendarMethods.Cancel, EventStatus.Cancelled, practiceName, organizerEmail, manageUrl: null, now);

    private static string Build(
        ConsultationRequest request, string method, string status, string practiceName, string? organizerEmail, string? manageUrl, Instant now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var slot = request.Slot ?? throw new InvalidOperationException($"Request {request.Id} has no time to put in a calendar.");
        var zone = request.Prospect.TimeZone;

        var calendar = new IcsCalendar { ProductId = ProductId, Method = method };
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone.Id, slot.Start.InZone(zone).LocalDateTime.Date.ToDateTimeUnspecified(), includeHistoricalData: false));

        var calendarEvent = new CalendarEvent
        {
            Uid = UidFor(request.Id),
            Sequence = request.CalendarSequence,
            DtStamp = Utc(now),
            DtStart = InZone(slot.Start, zone),
            DtEnd = InZone(slot.End, zone),
            Summary = $"Free phone consultation with {practiceName}",
            Status = status,
        };
        if (!string.IsNullOrWhiteSpace(manageUrl))
            calendarEvent.Description = $"We will call you at the number you gave. To change or cancel: {manageUrl}";
        if (!string.IsNullOrWhiteSpace(organizerEmail))
            calendarEvent.Organizer = new Organizer($"mailto:{organizerEmail}") { CommonName = practiceName };
        // iTIP wants the invitee named; their address is already the email's To. No name (minimum necessary), no reply asked.
        calendarEvent.Attendees.Add(new Attendee($"mailto:{request.Prospect.Email}") { Rsvp = false });
        calendar.Events.Add(calendarEvent);

        return new CalendarSerializer().SerializeToString(calendar)
            ?? throw new InvalidOperationException("Ical.Net wrote no calendar.");
    }

    /// <summary>
    /// The instant as a wall-clock time in the zone (TZID). RFC 5545 reads a local time that occurs twice (the hour
    /// repeated when clocks go back) as its first occurrence; an instant in the second occurrence is written in UTC
    /// instead, so every calendar places it right. A local time never falls in a gap: it comes from an instant.
    /// </summary>
    private static CalDateTime InZone(Instant instant, DateTimeZone zone)
    {
        var local = instant.InZone(zone).LocalDateTime;
        var earliest = zone.MapLocal(local).First();
        if (earliest.ToInstant() != instant)
            return Utc(instant);
        return new CalDateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second, zone.Id);
    }

    /// <summary>To the second: iCalendar has no finer unit.</summary>
    private static CalDateTime Utc(Instant instant)
    {
        var utc = instant.InUtc();
        return new CalDateTime(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, utc.Second, CalDateTime.UtcTzId);
    }
}
