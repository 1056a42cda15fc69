using System.Security.Cryptography;

namespace Intake.Domain.Consultations.ManageLinks;

/// <summary>
/// The short form of a prospect's manage link, for texts: /m/{code}, where the code is a random value the request
/// keeps (<see cref="ConsultationRequest.ShortCode"/>) and the server turns into a manage token when it is opened,
/// expiring with the manage link itself (<see cref="ManageLinks.ExpiryFor"/>). Twelve characters from 31 give 59
/// random bits: not to be guessed, and short enough that a text keeps to one or two segments. It names no one.
/// </summary>
public sealed class ShortLinks
{
    public const string CodePlaceholder = "{code}";

    /// <summary>Where short links point when "Links:ShortUrl" is not set: this Api's own /m/{code}.</summary>
    public const string DefaultUrlTemplate = "http://127.0.0.1:5080/m/{code}";

    public const int CodeLength = 12;

    /// <summary>Lower-case letters and digits without the look-alikes 0/o, 1/l/i: 31 symbols.</summary>
    private const string Alphabet = "23456789abcdefghjkmnpqrstuvwxyz";

    private readonly string _urlTemplate;

    /// <param name="urlTemplate">"Links:ShortUrl": a URL containing "{code}"; the default when empty.</param>
    public ShortLinks(string? urlTemplate)
    {
        _urlTemplate = string.IsNullOrWhiteSpace(urlTemplate) ? DefaultUrlTemplate : urlTemplate.Trim();
        if (!_urlTemplate.Contains(CodePlaceholder, StringComparison.Ordinal))
            throw new ArgumentException($"Links:ShortUrl must contain {CodePlaceholder}.", nameof(urlTemplate));
    }

    public static string NewCode() => RandomNumberGenerator.GetString(Alphabet, CodeLength);

    /// <summary>True for a string that could be a code; anything else is not looked up.</summary>
    public static bool IsWellFormed(string? code) =>
        code is { Length: CodeLength } && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal));

    /// <summary>The request's short link; null for a request made before requests had codes.</summary>
    public string? UrlFor(ConsultationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.ShortCode is { } code ? UrlFor(code) : null;
    }

    public string UrlFor(string code)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        return _urlTemplate.Replace(CodePlaceholder, code, StringComparison.Ordinal);
    }
}
