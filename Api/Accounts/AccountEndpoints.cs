using Intake.Domain.Accounts;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Primitives;

namespace Intake.Api.Accounts;

public static class AccountEndpoints
{
    public const string TherapistPolicy = "Therapist";

    public const string Prefix = "/api/auth";

    /// <summary>Identity's endpoints that are not mapped: accounts are made by an operator (scripts/add-therapist.sh).</summary>
    private static readonly string[] Unmapped = [$"{Prefix}/register"];

    /// <summary>
    /// Identity's own endpoints (login with cookie or bearer token, refresh, password reset, 2FA) under /api/auth,
    /// all but self-registration: that endpoint is never added to the routes, so no spelling of its path
    /// (a trailing slash, another case, an encoded slash) reaches anything, and it is not in the OpenAPI document.
    /// </summary>
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        var identity = new EndpointCollector(app);
        identity.MapGroup(Prefix).WithTags("Sign-in").MapIdentityApi<TherapistAccount>();
        foreach (var source in identity.DataSources)
            app.DataSources.Add(new SelectedEndpoints(source, endpoint => !IsUnmapped(endpoint)));
        return app;
    }

    private static bool IsUnmapped(Endpoint endpoint) =>
        endpoint is RouteEndpoint route
        && Unmapped.Contains(RoutePatternText(route.RoutePattern), StringComparer.OrdinalIgnoreCase);

    private static string RoutePatternText(RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment =>
            string.Concat(segment.Parts.Select(part => part is RoutePatternLiteralPart literal ? literal.Content : "{}"))));

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

    /// <summary>Receives what a library maps, so that the app can take only some of it.</summary>
    private sealed class EndpointCollector(IEndpointRouteBuilder app) : IEndpointRouteBuilder
    {
        public IServiceProvider ServiceProvider => app.ServiceProvider;

        public ICollection<EndpointDataSource> DataSources { get; } = new List<EndpointDataSource>();

        public IApplicationBuilder CreateApplicationBuilder() => app.CreateApplicationBuilder();
    }

    /// <summary>The endpoints of another source that <paramref name="keep"/> accepts; the others do not exist.</summary>
    private sealed class SelectedEndpoints(EndpointDataSource source, Func<Endpoint, bool> keep) : EndpointDataSource
    {
        public override IReadOnlyList<Endpoint> Endpoints => source.Endpoints.Where(keep).ToList();

        public override IReadOnlyList<Endpoint> GetGroupedEndpoints(RouteGroupContext context) =>
            source.GetGroupedEndpoints(context).Where(keep).ToList();

        public override IChangeToken GetChangeToken() => source.GetChangeToken();
    }
}
