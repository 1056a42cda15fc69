using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Intake.Api.Health;

/// <summary>
/// /health/ready as JSON: the overall status, and each check's status and description (never an exception's
/// details), e.g. {"status":"Healthy","checks":{"database":{"status":"Healthy"},"messages":{"status":"Healthy",
/// "description":"messages are written to files ..."}}}.
/// </summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
