namespace Intake.Api.Twilio;

/// <summary>X-Twilio-Signature, checked by the Twilio SDK's own <c>RequestValidator</c> over the public URL and the form.</summary>
internal static class TwilioSignature
{
    public static bool IsValid(string authToken, string url, IReadOnlyCollection<KeyValuePair<string, string>> parameters, string? signature)
    {
        if (string.IsNullOrEmpty(authToken) || string.IsNullOrEmpty(signature))
            return false;
        var form = parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return new global::Twilio.Security.RequestValidator(authToken).Validate(url, form, signature);
    }
}
