using Intake.Domain.Messages;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Intake.Api.Health;

/// <summary>
/// Always healthy, and says where messages go: with neither Twilio nor SMTP settings the Worker writes them to files,
/// which a practice must not mistake for delivery.
/// </summary>
internal sealed class MessageSinkHealthCheck(IConfiguration configuration) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy(MessageSinks.Describe(configuration)));
}
