using Intake.Api.Jobs;
using Intake.Api.Pages.Console;
using Intake.Domain.Data;
using Microsoft.Extensions.Options;

namespace Intake.Api.Accounts;

/// <summary>
/// Outside Development the console's cookies are sent only over HTTPS, and ASP.NET Core's anti-forgery refuses to
/// issue or read its token on a plain-HTTP request (it throws). So a plain-HTTP request for the console's pages or the
/// job dashboard gets a clear 403 (a page, or a problem document for the dashboard) saying why, never a 500 (a JSON request with the console's cookie is refused by
/// <see cref="SignedInForgeryCheck"/>): Intake is put behind HTTPS (a proxy that terminates TLS forwards the scheme),
/// or, for a demonstration on this machine only, Console:AllowHttp lets the cookies follow the request's scheme.
/// </summary>
public static class ConsoleHttpsOnly
{
    /// <summary>Whether the console's cookies are Secure whatever the request's scheme.</summary>
    public static bool CookiesAlwaysSecure(IHostEnvironment environment, ConsoleOptions console) =>
        !environment.IsDevelopment() && !console.AllowHttp;

    public static IApplicationBuilder UseConsoleHttpsOnly(this WebApplication app)
    {
        if (!CookiesAlwaysSecure(app.Environment, app.Services.GetRequiredService<IOptions<ConsoleOptions>>().Value))
            return app;
        var dashboard = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.SharesJobs;
        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            var console = request.Path.StartsWithSegments("/console", StringComparison.OrdinalIgnoreCase);
            if (request.IsHttps || !(console || (dashboard && request.Path.StartsWithSegments(JobDashboard.Path, StringComparison.OrdinalIgnoreCase))))
            {
                await next(context);
                return;
            }

            // The console's pages answer with a page; the dashboard, part of the API's contract, with a problem document.
            var words = context.RequestServices.GetRequiredService<IOptions<ConsoleWords>>().Value;
            var refusal = console
                ? Results.Content(Page(words), "text/html; charset=utf-8", statusCode: StatusCodes.Status403Forbidden)
                : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: words.HttpsOnlyHeading, detail: words.HttpsOnly);
            await refusal.ExecuteAsync(context);
        });
    }

    private static string Page(ConsoleWords words)
    {
        var heading = System.Net.WebUtility.HtmlEncode(words.HttpsOnlyHeading);
        var text = System.Net.WebUtility.HtmlEncode(words.HttpsOnly);
        return $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + $"<title>{heading}</title></head><body><main><h1>{heading}</h1><p>{text}</p></main></body></html>";
    }
}
