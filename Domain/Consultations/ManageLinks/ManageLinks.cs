using System.Buffers.Binary;
using Microsoft.AspNetCore.DataProtection;
using NodaTime;

namespace Intake.Domain.Consultations.ManageLinks;

/// <summary>
/// The prospect's key to their own request: a token that names the request and when it stops working, protected
/// (encrypted and authenticated) by ASP.NET Core Data Protection with the key ring kept in the database, so any Api
/// process reads what any process wrote. The expiry is in the payload and checked against the caller's
/// <c>now</c> (an <see cref="IClock"/>'s), not by the time-limited protector, which reads the system clock itself.
/// See docs/decisions/006-manage-links.md.
/// </summary>
public sealed class ManageLinks
{
    /// <summary>The Data Protection purpose: tokens made for anything else (sign-ins, another version) do not read here.</summary>
    public const string Purpose = "Intake.ManageLink.v1";

    /// <summary>Where links point when "Links:ManageUrl" is not set: this Api's own manage page.</summary>
    public const string DefaultUrlTemplate = "http://127.0.0.1:5080/manage/{token}";

    public const string TokenPlaceholder = "{token}";

    /// <summary>How long a link outlives the call it is about.</summary>
    public static readonly Duration AfterTheCall = Duration.FromDays(7);

    /// <summary>How long a link lives after submission when the request has no time (a callback, or times on offer).</summary>
    public static readonly Duration WithoutATime = Duration.FromDays(30);

    /// <summary>A request id and an expiry: 16 + 8 bytes.</summary>
    private const int PayloadLength = 24;

    private readonly IDataProtector _protector;
    private readonly string _urlTemplate;

    /// <param name="provider">The host's Data Protection (keys in the database), or an ephemeral one in tests.</param>
    /// <param name="urlTemplate">"Links:ManageUrl": a URL containing "{token}"; the default when empty.</param>
    public ManageLinks(IDataProtectionProvider provider, string? urlTemplate)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _protector = provider.CreateProtector(Purpose);
        _urlTemplate = string.IsNullOrWhiteSpace(urlTemplate) ? DefaultUrlTemplate : urlTemplate.Trim();
        if (!_urlTemplate.Contains(TokenPlaceholder, StringComparison.Ordinal))
            throw new ArgumentException($"Links:ManageUrl must contain {TokenPlaceholder}.", nameof(urlTemplate));
    }

    /// <summary>
    /// When a link written now for this request stops working: 7 days after the end of the call's time; with no time,
    /// 30 days after submission, or 7 days after the end of the latest time on offer when that is later.
    /// </summary>
    public static Instant ExpiryFor(ConsultationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.SlotEnd is { } end)
            return end + AfterTheCall;
        var expiry = request.SubmittedAt + WithoutATime;
        if (request.Status == ConsultationStatus.Requested && request.ProposedSlots.Count > 0)
        {
            var latest = request.ProposedSlots.Max(slot => slot.End) + AfterTheCall;
            if (latest > expiry)
                expiry = latest;
        }

        return expiry;
    }

    /// <summary>
    /// The request id (16 bytes) and the expiry (Unix ticks, 8 bytes, big-endian), protected and written as base64url,
    /// as <c>Protect(string)</c> would: 155 characters, safe in a URL as they are. (Protected, the 24 bytes become 116:
    /// header, key id, key modifier, IV, one padded block, MAC.)
    /// </summary>
    public string TokenFor(ConsultationRequestId id, Instant expiresAt)
    {
        var payload = new byte[PayloadLength];
        if (!id.Value.TryWriteBytes(payload.AsSpan(0, 16)))
            throw new InvalidOperationException("A Guid is 16 bytes.");
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(16), expiresAt.ToUnixTimeTicks());
        return ProtectedTokens.Seal(_protector, payload);
    }

    /// <summary>The request a token names, or null when it is forged, garbled, made for another purpose or expired at <paramref name="now"/>.</summary>
    public ConsultationRequestId? Read(string? token, Instant now)
    {
        if (ProtectedTokens.Open(_protector, token) is not { Length: PayloadLength } payload)
            return null;
        var ticks = BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(16));
        if (ticks < Instant.MinValue.ToUnixTimeTicks() || ticks > Instant.MaxValue.ToUnixTimeTicks())
            return null;

        return now < Instant.FromUnixTimeTicks(ticks) ? new ConsultationRequestId(new Guid(payload.AsSpan(0, 16))) : null;
    }

    /// <summary>The link to put in a message: the configured template with the token in place of "{token}".</summary>
    public string UrlFor(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        return _urlTemplate.Replace(TokenPlaceholder, Uri.EscapeDataString(token), StringComparison.Ordinal);
    }

    /// <summary>The link for a message written now about this request, expiring by <see cref="ExpiryFor"/>.</summary>
    public string UrlFor(ConsultationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return UrlFor(TokenFor(request.Id, ExpiryFor(request)));
    }
}
