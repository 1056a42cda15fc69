using Intake.Domain.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Domain.Accounts;

public static class AccountServices
{
    /// <summary>Therapist sign-ins kept by Identity's EF Core store in the one database, with the therapist id as a claim.</summary>
    public static IdentityBuilder AddTherapistStores(this IdentityBuilder identity) => identity
        .AddEntityFrameworkStores<IntakeDbContext>()
        .AddClaimsPrincipalFactory<TherapistClaimsFactory>();
}
