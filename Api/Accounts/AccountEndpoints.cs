using Intake.Api.Pages.Console;
using Intake.Domain.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
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

    public static IServiceCollection AddTherapistAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConsoleOptions>().Bind(configuration.GetSection(ConsoleOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddIdentityApiEndpoints<TherapistAccount>(options =>
            {
                options.Password.RequiredLength = 12;
                options.User.RequireUniqueEmail = true;
            })
            .AddTherapistStores();
        services.AddOptions<IdentityOptions>().Configure<IOptions<ConsoleOptions>>((options, console) =>
        {
            options.Lockout.MaxFailedAccessAttempts = console.Value.LockoutFailures;
            options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(console.Value.LockoutMinutes);
            options.Lockout.AllowedForNewUsers = true;
        });
        // The console's cookie: sent only over HTTPS outside Development, never readable by script, not sent with
        // another site's POST, and forgotten after a while without use.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<ConsoleOptions>, IHostEnvironment>((cookie, console, environment) =>
            {
                cookie.LoginPath = "/console/login";
                cookie.LogoutPath = "/console/logout";
                cookie.AccessDeniedPath = "/console/login";
                cookie.ExpireTimeSpan = TimeSpan.FromMinutes(console.Value.IdleMinutes);
                cookie.SlidingExpiration = true;
                cookie.Cookie.Name = ConsoleCookie;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = SecurePolicy(environment, console.Value);
            });
        services.AddOptions<DataProtectionTokenProviderOptions>().Configure<IOptions<ConsoleOptions>>((tokens, console) =>
            tokens.TokenLifespan = TimeSpan.FromMinutes(console.Value.ResetMinutes));
        services.AddSingleton<AccountMail>();
        services.AddSingleton<IEmailSender<TherapistAccount>>(sp => sp.GetRequiredService<AccountMail>());
        services.AddAntiforgery(antiforgery => antiforgery.HeaderName = SignedInForgeryCheck.HeaderName);
        services.AddOptions<AntiforgeryOptions>().Configure<IHostEnvironment, IOptions<ConsoleOptions>>((antiforgery, environment, console) =>
        {
            antiforgery.Cookie.Name = "intake.forgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = SecurePolicy(environment, console.Value);
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(TherapistPolicy, policy => policy.RequireAuthenticatedUser().RequireClaim(TherapistAccount.TherapistIdClaim))
            // The console's pages: only the cookie counts, and without it the browser is sent to the sign-in page.
            .AddPolicy(ConsolePolicy, policy => policy
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser()
                .RequireClaim(TherapistAccount.TherapistIdClaim));
        return services;
    }

    private static CookieSecurePolicy SecurePolicy(IHostEnvironment environment, ConsoleOptions console) =>
        ConsoleHttpsOnly.CookiesAlwaysSecure(environment, console) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    public const string ConsolePolicy = "Console";

    /// <summary>The name of the console's sign-in cookie.</summary>
    public const string ConsoleCookie = "intake.console";

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
