using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Intake.Api.Health;

/// <summary>Ready when the shared job storage answers (PostgreSQL or SQL Server); the Workers take their jobs from it.</summary>
internal sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var connection = storage.GetConnection();
            connection.GetAllItemsFromSet("recurring-jobs");
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The job storage does not answer."));
        }
    }
}
