using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Intake.Api.Problems;

/// <summary>
/// Turns what a client got wrong into an RFC 9457 problem document that names each bad field. The texts are
/// ours, never the exception's or the input's: a problem document must not echo what the prospect typed.
/// </summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationException validation => Invalid(validation.Errors
                .GroupBy(e => FieldName(e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray())),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "The request body is too large.",
            },
            BadHttpRequestException { InnerException: JsonException json } => Invalid(new Dictionary<string, string[]>
            {
                [JsonField(json.Path)] = [json.Path is null or "$" ? "The body must be a JSON object." : "This field has a value of the wrong type or is not expected."],
            }),
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status415UnsupportedMediaType
                    ? "The body must be JSON (Content-Type: application/json)."
                    : "The request could not be read.",
            },
            _ => null,
        };
        if (problem is null)
            return false;

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static HttpValidationProblemDetails Invalid(IDictionary<string, string[]> errors) => new(errors)
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "One or more fields are invalid.",
    };

    private static string FieldName(string propertyName) =>
        string.IsNullOrEmpty(propertyName) ? "body" : JsonNamingPolicy.CamelCase.ConvertName(propertyName);

    /// <summary>"$.smsConsent" → "smsConsent"; "$" or nothing → "body".</summary>
    private static string JsonField(string? path) =>
        path is null || path.Length <= 2 || !path.StartsWith("$.", StringComparison.Ordinal) ? "body" : path[2..];
}
