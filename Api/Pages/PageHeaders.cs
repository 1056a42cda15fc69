namespace Intake.Api.Pages;

/// <summary>
/// What every response tells the browser: nothing is loaded from another origin, no inline script runs, no Referer
/// leaves (manage links carry their token in the path). The booking page may be framed by the practice's own
/// sites (Web:EmbedOrigins); every other page by nobody. The Hangfire dashboard and the API reference, which need
/// inline script, keep their own rules.
/// </summary>
public static class PageHeaders
{
    /// <summary>Paths that may be framed by the practice's sites.</summary>
    private static readonly string[] Embeddable = ["/book"];

    /// <summary>The script a practice's site includes to embed the booking page.</summary>
    public const string EmbedScript = "/embed.js";

    private static readonly string[] OwnRules = ["/hangfire", "/scalar"];

    public static IApplicationBuilder UsePageHeaders(this IApplicationBuilder app, WebOptions web)
    {
        var frameable = string.Join(' ', ["'self'", .. web.EmbedOrigins]);
        string Policy(string ancestors) =>
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
            + $"form-action 'self'; base-uri 'none'; frame-ancestors {ancestors}";
        var framed = Policy(frameable);
        var unframed = Policy("'none'");

        return app.Use((context, next) =>
        {
            var path = context.Request.Path;
            if (!OwnRules.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = Embeddable.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
                    ? framed
                    : unframed;
                headers["Referrer-Policy"] = "no-referrer";
                headers.XContentTypeOptions = "nosniff";
                // The snippet is loaded by the practice's pages, from their origin; everything else is read by Intake's own.
                headers["Cross-Origin-Resource-Policy"] = path.Equals(EmbedScript, StringComparison.OrdinalIgnoreCase) ? "cross-origin" : "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            }

            return next(context);
        });
    }
}
