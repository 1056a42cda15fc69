using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Intake.Api.Twilio;

/// <summary>
/// Lets a webhook run only when its X-Twilio-Signature is Twilio's for the public URL it was posted to
/// (Twilio:WebhookBaseUrl + path + query) and every form parameter; anything else gets 403 and nothing runs.
/// </summary>
internal sealed partial class TwilioSignatureFilter(IOptions<TwilioWebhookOptions> options, ILogger<TwilioSignatureFilter> logger) : IEndpointFilter
{
    public const string Header = "X-Twilio-Signature";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.AuthToken))
        {
            LogNoAuthToken(logger, request.Path);
            return Forbidden();
        }

        var signature = request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(signature))
        {
            LogRefused(logger, request.Path, "no signature");
            return Forbidden();
        }

        if (!request.HasFormContentType)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "The body must be a form (Content-Type: application/x-www-form-urlencoded).");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request could not be read.");
        }

        var parameters = form.Select(field => KeyValuePair.Create(field.Key, field.Value.ToString())).ToList();
        if (!TwilioSignature.IsValid(settings.AuthToken, PublicUrl(request, settings.WebhookBaseUrl), parameters, signature))
        {
            LogRefused(logger, request.Path, "a signature that does not match");
            return Forbidden();
        }

        return await next(context);
    }

    /// <summary>The URL Twilio signed: the configured public base (else the request's own scheme and host), the path and the query.</summary>
    public static string PublicUrl(HttpRequest request, string? webhookBaseUrl)
    {
        var pathAndQuery = $"{request.PathBase}{request.Path}{request.QueryString}";
        return string.IsNullOrWhiteSpace(webhookBaseUrl)
            ? $"{request.Scheme}://{request.Host}{pathAndQuery}"
            : webhookBaseUrl.Trim().TrimEnd('/') + pathAndQuery;
    }

    private static ProblemHttpResult Forbidden() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "Not signed by Twilio.",
        detail: "This endpoint accepts only requests that carry a valid X-Twilio-Signature.");

    [LoggerMessage(Level = LogLevel.Error, Message = "Twilio webhook {Path} refused: Twilio:AuthToken is not set, so no signature can be checked.")]
    private static partial void LogNoAuthToken(ILogger logger, PathString path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio webhook {Path} refused: {Reason}.")]
    private static partial void LogRefused(ILogger logger, PathString path, string reason);
}
