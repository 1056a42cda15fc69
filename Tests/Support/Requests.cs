using Intake.Domain.Consultations.RequestConsultation;

namespace Intake.Tests.Support;

/// <summary>Well-formed booking-form requests, to vary one field at a time.</summary>
internal static class Requests
{
    public const string SensitiveWords = "I have been having panic attacks since the divorce";

    public static RequestConsultation ByText(string timeZone = "Europe/London") =>
        new("Jane Doe", "(212) 555-0199", "jane@example.com", "sms", true, timeZone, SensitiveWords);

    public static RequestConsultation ByEmail(string timeZone = "America/Los_Angeles") =>
        new("Jane Doe", "+44 7911 123456", "jane@example.com", "email", false, timeZone, SensitiveWords);

    public static object WithSlot(RequestConsultation request, string slotStart, string therapistId) => new
    {
        name = request.Name,
        phone = request.Phone,
        email = request.Email,
        preferredChannel = request.PreferredChannel,
        smsConsent = request.SmsConsent,
        timeZone = request.TimeZone,
        message = request.Message,
        slotStart,
        therapistId,
    };

    public static object Json(RequestConsultation request) => new
    {
        name = request.Name,
        phone = request.Phone,
        email = request.Email,
        preferredChannel = request.PreferredChannel,
        smsConsent = request.SmsConsent,
        timeZone = request.TimeZone,
        message = request.Message,
    };
}
