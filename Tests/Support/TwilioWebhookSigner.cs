using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Intake.Tests.Support;

/// <summary>
/// Signs webhook requests as Twilio does (what the SDK's RequestValidator checks): base64 of HMAC-SHA1, keyed with
/// the auth token, over the URL followed by each form parameter's name and value, ordered by name.
/// </summary>
internal static class TwilioWebhookSigner
{
    public const string AuthToken = "webhook-test-auth-token";

    /// <summary>The public base Twilio posts to; the test client itself talks to 127.0.0.1 on a random port.</summary>
    public const string PublicBaseUrl = "https://intake.example.test";

    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "Twilio's signature is HMAC-SHA1.")]
    public static string Sign(string url, IReadOnlyDictionary<string, string> form, string authToken = AuthToken)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in form.OrderBy(p => p.Key, StringComparer.Ordinal))
            data.Append(name).Append(value);
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }

    /// <summary>A form POST to <paramref name="path"/>, signed over <paramref name="signedUrl"/> (by default the public URL) and the form.</summary>
    public static HttpRequestMessage Post(
        string path, IReadOnlyDictionary<string, string> form, string? signedUrl = null, string authToken = AuthToken,
        IReadOnlyDictionary<string, string>? signedForm = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", Sign(signedUrl ?? PublicBaseUrl + path, signedForm ?? form, authToken));
        return request;
    }

    /// <summary>The same form POST without any signature.</summary>
    public static HttpRequestMessage Unsigned(string path, IReadOnlyDictionary<string, string> form) =>
        new(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
}
