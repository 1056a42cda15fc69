using NodaTime;

namespace Intake.Domain.Consultations;

/// <summary>
/// The person asking for a consultation, as they gave themselves. Phone is E.164, the zone is the one
/// every message to them is written in.
/// </summary>
public sealed record Prospect(
    string Name,
    string Phone,
    string Email,
    ContactChannel PreferredChannel,
    bool SmsConsent,
    DateTimeZone TimeZone)
{
    /// <summary>Texts go only to a prospect who chose them and agreed to them; everyone else gets email.</summary>
    public ContactChannel ReachBy => ReachByFor(PreferredChannel, SmsConsent);

    /// <summary>The same rule, for a query that read only the two fields.</summary>
    public static ContactChannel ReachByFor(ContactChannel preferredChannel, bool smsConsent) =>
        preferredChannel == ContactChannel.Sms && smsConsent ? ContactChannel.Sms : ContactChannel.Email;
}
