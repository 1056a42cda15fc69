using Intake.Domain.Accounts;

namespace Intake.Api.Accounts;

public static class AccountEndpoints
{
    public const string TherapistPolicy = "Therapist";

    /// <summary>Identity's own endpoints (login with cookie or bearer token, refresh, password reset, 2FA) under /api/auth.</summary>
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/auth")
            .WithTags("Sign-in")
            // Accounts are made by an operator (scripts/add-therapist.sh), never by whoever finds the endpoint.
            .AddEndpointFilter(async (context, next) =>
                context.HttpContext.Request.Path.Value?.EndsWith("/register", StringComparison.OrdinalIgnoreCase) == true
                    ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Accounts are created by the practice's operator.")
                    : await next(context))
            .MapIdentityApi<TherapistAccount>();
        return app;
    }

    public static IServiceCollection AddTherapistAccounts(this IServiceCollection services)
    {
        services.AddIdentityApiEndpoints<TherapistAccount>(options =>
            {
                options.Password.RequiredLength = 12;
                options.User.RequireUniqueEmail = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
            })
            .AddTherapistStores();
        services.AddAuthorizationBuilder()
            .AddPolicy(TherapistPolicy, policy => policy.RequireAuthenticatedUser().RequireClaim(TherapistAccount.TherapistIdClaim));
        return services;
    }
}
