using System.Text.Json;
using System.Text.Json.Serialization;
using Intake.Api.Accounts;
using Intake.Api.Pages.Booking;
using Intake.Api.Pages.Console;
using Intake.Api.Pages.Manage;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Intake.Api.Pages;

/// <summary>The prospect's pages: Razor Pages rendered on the server, small ES modules under wwwroot (ADR 012).</summary>
public static class PageServices
{
    /// <summary>How a page hands its words and data to its script: JSON in a data block, written as the API writes it.</summary>
    internal static readonly JsonSerializerOptions PageJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static IServiceCollection AddIntakePages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder("/Console", AccountEndpoints.ConsolePolicy);
            pages.Conventions.AllowAnonymousToPage("/Console/Login");
            pages.Conventions.AllowAnonymousToPage("/Console/Act");
            pages.Conventions.AllowAnonymousToPage("/Console/Forgot");
            pages.Conventions.AllowAnonymousToPage("/Console/Reset");
        }).AddMvcOptions(mvc => mvc.Filters.Add<UnknownHandlerFilter>());
        services.AddOptions<WebOptions>().Bind(configuration.GetSection(WebOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebOptions>, WebOptionsValidation>();
        services.AddOptions<BookingWords>().Bind(configuration.GetSection("Words:Booking"));
        services.AddOptions<ManageWords>().Bind(configuration.GetSection("Words:Manage"));
        services.AddOptions<ConsoleWords>().Bind(configuration.GetSection("Words:Console"));
        services.AddOptions<RequestWords>().Bind(configuration.GetSection("Words:ConsoleRequest"));
        services.AddOptions<HoursWords>().Bind(configuration.GetSection("Words:ConsoleHours"));
        services.AddOptions<ActWords>().Bind(configuration.GetSection("Words:ConsoleAct"));
        return services;
    }

    /// <summary>Headers, static files (copied beside the Api's assembly) and the pages themselves.</summary>
    public static WebApplication UseIntakePages(this WebApplication app)
    {
        var web = app.Services.GetRequiredService<IOptions<WebOptions>>().Value;
        app.UsePageHeaders(web);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot")),
            // Assets change with a release; a day of caching keeps repeat visits off the network without pinning old code for long.
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "public, max-age=86400",
        });
        return app;
    }

    public static WebApplication MapIntakePages(this WebApplication app)
    {
        var web = app.Services.GetRequiredService<IOptions<WebOptions>>().Value;
        var brand = $":root {{ --accent: {web.AccentColour}; }}\n";
        app.MapGet("/brand.css", () => Results.Text(brand, "text/css; charset=utf-8"))
            .ExcludeFromDescription();
        app.MapRazorPages();
        return app;
    }
}
