using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Intake.Domain.Accounts;

/// <summary>
/// Puts the therapist id into the signed-in principal, so endpoints know whose requests to show. The account's stored
/// claims — the administrator's <see cref="TherapistAccount.AdminClaim"/> among them — come from the base factory
/// (the store supports user claims), so they reach the cookie and the bearer token as well.
/// </summary>
internal sealed class TherapistClaimsFactory(UserManager<TherapistAccount> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<TherapistAccount>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(TherapistAccount user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(TherapistAccount.TherapistIdClaim, user.TherapistId));
        return identity;
    }
}
