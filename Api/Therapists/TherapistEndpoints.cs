using System.Security.Claims;
using Intake.Api.Accounts;
using Intake.Domain.Accounts;

namespace Intake.Api.Therapists;

public static class TherapistEndpoints
{
    /// <summary>The signed-in therapist's inbox, actions and availability under /api/therapist.</summary>
    public static IEndpointRouteBuilder MapTherapists(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/therapist")
            .RequireAuthorization(AccountEndpoints.TherapistPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapTherapistConsultations();
        group.MapTherapistAvailability();
        group.MapTherapistMessageLog();
        return app;
    }

    /// <summary>The therapist the signed-in account acts for; the policy guarantees the claim.</summary>
    internal static string TherapistId(this ClaimsPrincipal user) =>
        user.FindFirstValue(TherapistAccount.TherapistIdClaim)
        ?? throw new InvalidOperationException("The therapist policy admitted a principal without a therapist id.");

    /// <summary>
    /// The signed-in account is the practice's administrator (scripts/add-therapist.sh --admin stores the claim; Identity's
    /// claims factory puts an account's stored claims into the cookie and the bearer token).
    /// </summary>
    internal static bool IsAdmin(this ClaimsPrincipal user) => user.HasClaim(TherapistAccount.AdminClaim, "true");
}
