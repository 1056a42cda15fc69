using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Intake.Domain.Consultations.ManageLinks;

/// <summary>
/// A small payload protected (encrypted and authenticated) by Data Protection and written as base64url, safe in a
/// URL as it is: the one way the manage links and the therapist's alert links make and read their tokens.
/// </summary>
internal static class ProtectedTokens
{
    /// <summary>Tokens longer than this were not made here; they are refused before any decryption is tried.</summary>
    private const int MaxTokenLength = 1_000;

    public static string Seal(IDataProtector protector, byte[] payload) => WebEncoders.Base64UrlEncode(protector.Protect(payload));

    /// <summary>The payload, or null for a token that is forged, garbled, too long or made for another purpose.</summary>
    public static byte[]? Open(IDataProtector protector, string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > MaxTokenLength)
            return null;
        try
        {
            return protector.Unprotect(WebEncoders.Base64UrlDecode(token));
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
