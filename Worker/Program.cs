using Intake.Domain;
using Intake.Domain.Data;
using Microsoft.Extensions.Options;

namespace Intake.Worker;

internal static class Program
{
    public static async Task Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Configuration.AddIntakeSettings();
        builder.Services.AddIntakeDomain(builder.Configuration);
        builder.Services.AddIntakeWorker(builder.Configuration);

        using var host = builder.Build();
        if (host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.MigrateOnStart)
            await DatabaseMigrator.MigrateAsync(host.Services);
        WorkerServices.ScheduleRecurringJobs(host.Services);
        await host.RunAsync();
    }
}
