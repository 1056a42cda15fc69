using Microsoft.Extensions.Configuration;

namespace Intake.Bench.Hosts;

/// <summary>
/// Configuration for the domain and Hangfire services this process builds itself, layered as the hosts layer
/// theirs: the root appsettings.json, then the figure's settings over it.
/// </summary>
internal static class BenchConfiguration
{
    public static IConfiguration Build(string repositoryRoot, IReadOnlyDictionary<string, string> settings) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(repositoryRoot, "appsettings.json"), optional: false)
            .AddInMemoryCollection(settings!)
            .Build();
}
