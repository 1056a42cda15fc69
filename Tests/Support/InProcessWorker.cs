using Intake.Domain;
using Intake.Domain.Data;
using Intake.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Intake.Tests.Support;

/// <summary>
/// The Worker's and the domain's services, as the Worker registers them, without starting the host: a test sends
/// requests through the real mediator with its own clock and settings.
/// </summary>
internal static class InProcessWorker
{
    public static async Task<ServiceProvider> BuildAsync(TestDatabase database, IClock clock, IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddIntakeSettings()
            .AddInMemoryCollection(database.Settings)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Outbox:Directory"] = database.OutboxFolder })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddIntakeDomain(configuration);
        services.AddIntakeWorker(configuration);
        services.Replace(ServiceDescriptor.Singleton(clock));
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await DatabaseMigrator.MigrateAsync(provider);
        return provider;
    }

    public static Dictionary<string, string?> TwilioSettings(FakeTwilio twilio) => new()
    {
        ["Twilio:AccountSid"] = FakeTwilio.AccountSid,
        ["Twilio:AuthToken"] = FakeTwilio.AuthToken,
        ["Twilio:From"] = FakeTwilio.From,
        ["Twilio:ApiBaseUrl"] = twilio.BaseUrl.ToString(),
    };
}
