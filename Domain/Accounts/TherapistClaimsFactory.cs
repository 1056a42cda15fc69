using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Intake.Domain.Accounts;

/// <summary>Puts the therapist id into the signed-in principal, so endpoints know whose requests to show.</summary>
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
