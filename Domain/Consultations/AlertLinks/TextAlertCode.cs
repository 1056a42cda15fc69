using System.Buffers.Binary;
using System.Globalization;

namespace Intake.Domain.Consultations.AlertLinks;

/// <summary>
/// The four digits a text alert names a request by ("ref 4821"), so that a therapist with several held times waiting
/// can answer "Y 4821". Read from the random part of the request's id: nothing is stored, nothing about the prospect
/// is in it, and it opens nothing (unlike the request's short manage code, which is the prospect's link and is never
/// sent to the therapist). It only tells one therapist's pending requests apart; when two of them share a code, a
/// "Y" with it matches neither and is answered with the console link.
/// </summary>
public static class TextAlertCode
{
    public const int Length = 4;

    public static string For(ConsultationRequestId id)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (!id.Value.TryWriteBytes(bytes, bigEndian: true, out _))
            throw new InvalidOperationException("A Guid is 16 bytes.");
        // The last eight bytes of a version-7 id are random but for the two variant bits.
        var random = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]) & 0x3FFF_FFFF_FFFF_FFFF;
        return (random % 10_000).ToString("D4", CultureInfo.InvariantCulture);
    }

    /// <summary>The code as the therapist typed it after "Y": four digits, a leading "#" allowed; null for anything else.</summary>
    public static string? Read(string? typed)
    {
        var code = typed?.Trim().TrimStart('#');
        return code is { Length: Length } && code.All(char.IsAsciiDigit) ? code : null;
    }
}
