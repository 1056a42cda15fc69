using Intake.Api.Jobs;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Intake.Api.Accounts;

/// <summary>
/// A signed-in browser's cookie goes with every request to Intake, including one another page makes it send. So a
/// request that changes something on an endpoint that needs a sign-in, and that carries the console's cookie, must
/// also carry the anti-forgery token the console's pages hold (header <see cref="HeaderName"/>); without it the
/// request is refused before the endpoint runs. A request with a bearer token and no cookie is not a browser's and
/// needs none. The console's own form posts are checked by Razor Pages; the job dashboard checks its own.
/// </summary>
public static class SignedInForgeryCheck
{
    public const string HeaderName = "RequestVerificationToken";

    public static IApplicationBuilder UseSignedInForgeryCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
                || !request.Cookies.ContainsKey(AccountEndpoints.ConsoleCookie)
                || request.Path.StartsWithSegments(JobDashboard.Path, StringComparison.OrdinalIgnoreCase)
                || context.GetEndpoint() is not { } endpoint
                || endpoint.Metadata.GetMetadata<IAuthorizeData>() is null
                || endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            {
                await next(context);
                return;
            }

            // Anti-forgery cannot read a Secure cookie's token from a plain-HTTP request (it throws): such a request is refused.
            var secureOnly = context.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.SecurePolicy == CookieSecurePolicy.Always;
            if ((request.IsHttps || !secureOnly) && await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
            {
                await next(context);
                return;
            }

            await Results.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "This request did not come from Intake's own page.",
                    detail: $"A signed-in browser's change needs the page's anti-forgery token in the {HeaderName} header; reload the page and try again.")
                .ExecuteAsync(context);
        });
}
