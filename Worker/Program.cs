using Intake.Domain;
using Intake.Domain.Data;
using Microsoft.Extensions.Options;

namespace Intake.Worker;

internal static class Program
{
    /// <summary>Exit code when the settings cannot work: the message names the keys.</summary>
    private const int BadSettings = 2;

    public static async Task<int> Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Configuration.AddIntakeSettings();
        builder.Services.AddIntakeDomain(builder.Configuration);
        builder.Services.AddIntakeWorker(builder.Configuration);

        using var host = builder.Build();
        try
        {
            // Before anything touches the database or a provider: a partly given Twilio or SMTP section, or a lease
            // shorter than a sender's timeout, stops the Worker here instead of sending to the wrong place.
            host.Services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (Exception exception) when (Failures(exception) is { Count: > 0 } failures)
        {
            await Console.Error.WriteLineAsync($"Intake Worker: the settings cannot work, so it does not start.\n  {string.Join("\n  ", failures)}");
            return BadSettings;
        }

        if (host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.MigrateOnStart)
            await DatabaseMigrator.MigrateAsync(host.Services);
        WorkerServices.ScheduleRecurringJobs(host.Services);
        await host.RunAsync();
        return 0;
    }

    /// <summary>Every failed check of every section (one section's failure comes alone, several as an AggregateException).</summary>
    private static List<string> Failures(Exception exception) => exception switch
    {
        OptionsValidationException options => [.. options.Failures],
        AggregateException all when all.InnerExceptions.All(e => e is OptionsValidationException) =>
            [.. all.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)],
        _ => [],
    };
}
