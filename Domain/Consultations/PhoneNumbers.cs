using PhoneNumbers;

namespace Intake.Domain.Consultations;

/// <summary>Reads a phone number as people write it and gives it back as E.164, with libphonenumber.</summary>
public static class PhoneNumbers
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static bool TryToE164(string? input, string defaultRegion, out string e164)
    {
        e164 = string.Empty;
        if (string.IsNullOrWhiteSpace(input) || input.Length > 40)
            return false;
        try
        {
            var number = Util.Parse(input, defaultRegion);
            if (!Util.IsValidNumber(number))
                return false;
            e164 = Util.Format(number, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>A stored E.164 number as people read it: "+12125550199" → "+1 212-555-0199"; as it is if it cannot be read.</summary>
    public static string ForDisplay(string e164)
    {
        try
        {
            return Util.Format(Util.Parse(e164, null), PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }
}
