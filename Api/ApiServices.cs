using System.Text.Json.Serialization;
using Intake.Api.Health;
using Intake.Api.OpenApi;
using Intake.Api.Problems;
using Intake.Domain.Data;
using Microsoft.AspNetCore.Http.Json;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Intake.Api;

public static class ApiServices
{
    /// <summary>Largest request body accepted, in bytes (Api:MaxRequestBodyBytes).</summary>
    public const long DefaultMaxRequestBodyBytes = 64 * 1024;

    public static IServiceCollection AddIntakeApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        // Let binding failures reach the exception handler, which names the field, in every environment.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.AllowDuplicateProperties = false;
            // Numbers are numbers: "42" is not read as 42, so the document can say "integer" and mean it.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        });
        services.AddIntakeOpenApi();
        var health = services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<MessageSinkHealthCheck>("messages", tags: ["ready"]);
        // Where the job storage is shared the Api reads it (dashboard, readiness) but runs no Hangfire server.
        if (configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() is { SharesJobs: true })
        {
            services.AddIntakeJobStorage();
            health.AddCheck<JobStorageHealthCheck>("jobs", tags: ["ready"]);
        }

        services.AddTwilioWebhooks();
        return services;
    }
}
