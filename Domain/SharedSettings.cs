using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Intake.Domain;

public static class SharedSettings
{
    /// <summary>
    /// Loads the one root appsettings.json (copied beside each host's binaries) beneath every other source,
    /// so environment variables (Storage__Provider=...) and command-line arguments override it as usual.
    /// </summary>
    public static IConfigurationBuilder AddIntakeSettings(this IConfigurationBuilder configuration)
    {
        configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            Path = "appsettings.json",
            Optional = false,
            ReloadOnChange = false,
        });
        return configuration;
    }
}
