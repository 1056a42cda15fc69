using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Intake.Domain.Data;

/// <summary>
/// Hangfire's storage follows Storage:Provider (docs/decisions/008): in memory beside SQLite (one Worker; the
/// database, not the job store, holds every message), or a "hangfire" schema in the shared PostgreSQL or SQL
/// Server database, where any number of Workers take jobs and recurring jobs run once per schedule.
/// </summary>
public static class IntakeJobStorage
{
    /// <summary>Hangfire's client and storage; the Worker adds a server, the Api only reads it (dashboard, readiness).</summary>
    public static IServiceCollection AddIntakeJobStorage(this IServiceCollection services) =>
        services.AddHangfire((sp, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorageFor(sp.GetRequiredService<IOptions<StorageOptions>>().Value));

    private static IGlobalConfiguration UseStorageFor(this IGlobalConfiguration hangfire, StorageOptions storage) => storage.Provider switch
    {
        StorageProvider.PostgreSql => hangfire.UsePostgreSqlStorage(
            bootstrap => bootstrap.UseNpgsqlConnection(storage.ConnectionString),
            new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = TimeSpan.FromSeconds(1),
                // A fetched job stays invisible only while its server keeps renewing it, so a killed Worker's
                // jobs go back to the queue in minutes instead of the default half hour.
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = TimeSpan.FromMinutes(5),
            }),
        // The options Hangfire's documentation recommends for 1.8 on SQL Server.
        StorageProvider.SqlServer => hangfire.UseSqlServerStorage(
            () => new SqlConnection(storage.ConnectionString),
            new SqlServerStorageOptions
            {
                PrepareSchemaIfNecessary = true,
                CommandBatchMaxTimeout = TimeSpan.FromMinutes(5),
                SlidingInvisibilityTimeout = TimeSpan.FromMinutes(5),
                QueuePollInterval = TimeSpan.Zero,
                UseRecommendedIsolationLevel = true,
                DisableGlobalLocks = true,
            }),
        _ => hangfire.UseInMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Long }),
    };
}
