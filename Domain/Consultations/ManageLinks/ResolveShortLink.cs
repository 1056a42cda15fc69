using Intake.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Intake.Domain.Consultations.ManageLinks;

/// <summary>
/// The manage link a short code stands for, with a token made now that expires when the request's manage link
/// does; null for a code that is malformed, unknown or past that expiry, which all look the same.
/// </summary>
public sealed record ResolveShortLink(string? Code) : IRequest<string?>;

internal sealed class ResolveShortLinkHandler(IntakeDbContext db, ManageLinks links, IClock clock) : IRequestHandler<ResolveShortLink, string?>
{
    public async Task<string?> Handle(ResolveShortLink query, CancellationToken cancellationToken)
    {
        if (!ShortLinks.IsWellFormed(query.Code))
            return null;
        var request = await db.ConsultationRequests.AsNoTracking().SingleOrDefaultAsync(r => r.ShortCode == query.Code, cancellationToken);
        if (request is null)
            return null;
        var expiresAt = ManageLinks.ExpiryFor(request);
        return clock.GetCurrentInstant() < expiresAt ? links.UrlFor(links.TokenFor(request.Id, expiresAt)) : null;
    }
}
