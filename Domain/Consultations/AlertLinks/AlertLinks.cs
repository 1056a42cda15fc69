using System.Buffers.Binary;
using System.Text;
using Intake.Domain.Consultations.ManageLinks;
using Microsoft.AspNetCore.DataProtection;
using NodaTime;

namespace Intake.Domain.Consultations.AlertLinks;

/// <summary>What a link in a therapist's alert does.</summary>
public enum AlertAction : byte
{
    Confirm = 1,
    Decline = 2,
}

/// <summary>What an alert link names: the request as it was when the alert was written (its version), the action and the therapist.</summary>
public sealed record AlertLink(ConsultationRequestId Id, int Version, AlertAction Action, string TherapistId);

/// <summary>
/// The one-time "Confirm" and "Decline" links in a therapist's new-request alert, and the link to the request in the
/// console. A token names the request, the version it had when the alert was written, the action, the therapist and
/// when it stops working, protected by Data Protection (as the manage links are, under its own purpose). It works once:
/// the action moves the request's version on, and a token whose version is not the request's any more does nothing.
/// Nothing about the prospect is in it or in the page it opens.
/// </summary>
public sealed class AlertLinks
{
    public const string Purpose = "Intake.AlertLink.v1";

    /// <summary>The console's address when "Links:ConsoleUrl" is not set: this Api's own.</summary>
    public const string DefaultConsoleUrl = "http://127.0.0.1:5080/console";

    /// <summary>Request id (16), version (4), action (1), expiry (8), then the therapist's id in UTF-8.</summary>
    private const int FixedLength = 29;

    private readonly IDataProtector _protector;
    private readonly string _consoleUrl;

    public AlertLinks(IDataProtectionProvider provider, string? consoleUrl)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _protector = provider.CreateProtector(Purpose);
        _consoleUrl = (string.IsNullOrWhiteSpace(consoleUrl) ? DefaultConsoleUrl : consoleUrl.Trim()).TrimEnd('/');
    }

    /// <summary>The console's address (Links:ConsoleUrl), without a trailing slash.</summary>
    public string ConsoleUrl => _consoleUrl;

    public string TokenFor(AlertLink link, Instant expiresAt)
    {
        ArgumentNullException.ThrowIfNull(link);
        var therapist = Encoding.UTF8.GetBytes(link.TherapistId);
        var payload = new byte[FixedLength + therapist.Length];
        if (!link.Id.Value.TryWriteBytes(payload.AsSpan(0, 16)))
            throw new InvalidOperationException("A Guid is 16 bytes.");
        BinaryPrimitives.WriteInt32BigEndian(payload.AsSpan(16), link.Version);
        payload[20] = (byte)link.Action;
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(21), expiresAt.ToUnixTimeTicks());
        therapist.CopyTo(payload, FixedLength);
        return ProtectedTokens.Seal(_protector, payload);
    }

    /// <summary>What a token names, or null when it is forged, garbled, made for another purpose or expired at <paramref name="now"/>.</summary>
    public AlertLink? Read(string? token, Instant now)
    {
        if (ProtectedTokens.Open(_protector, token) is not { Length: > FixedLength } payload)
            return null;
        var action = (AlertAction)payload[20];
        var ticks = BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(21));
        if (!Enum.IsDefined(action) || ticks < Instant.MinValue.ToUnixTimeTicks() || ticks > Instant.MaxValue.ToUnixTimeTicks()
            || now >= Instant.FromUnixTimeTicks(ticks))
            return null;
        return new AlertLink(
            new ConsultationRequestId(new Guid(payload.AsSpan(0, 16))),
            BinaryPrimitives.ReadInt32BigEndian(payload.AsSpan(16)),
            action,
            Encoding.UTF8.GetString(payload.AsSpan(FixedLength)));
    }

    /// <summary>The link that opens the action's confirmation page.</summary>
    public string ActUrl(ConsultationRequest request, AlertAction action, string therapistId, Instant expiresAt) =>
        $"{_consoleUrl}/act/{TokenFor(new AlertLink(request.Id, request.Version, action, therapistId), expiresAt)}";

    /// <summary>The request's page in the console (the therapist signs in to open it).</summary>
    public string RequestUrl(ConsultationRequestId id) => $"{_consoleUrl}/requests/{id.Value}";
}
