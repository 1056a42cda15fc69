using Hangfire;
using Intake.Domain.Data;
using Microsoft.Extensions.Options;

namespace Intake.Api.Data;

/// <summary>
/// <c>Intake.Api.dll migrate</c> (scripts/migrate.sh): applies the configured provider's EF Core migrations, seeds
/// the configured therapists and, where the job storage is shared, installs or updates Hangfire's schema; then
/// exits. Run it once before starting processes with Storage:MigrateOnStart=false.
/// </summary>
public static class MigrateCommand
{
    public const string Name = "migrate";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        await DatabaseMigrator.MigrateAsync(services);
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (storage.SharesJobs)
            _ = services.GetRequiredService<JobStorage>(); // prepares the "hangfire" schema when it is missing or old
        await output.WriteLineAsync($"The {storage.Provider} database is up to date.");
        return 0;
    }
}
