using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Intake.Tests.Support;

/// <summary>The real Api on a real socket (Kestrel, a free port), over a test's own database, with any extra settings.</summary>
internal sealed class ApiFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;
    private readonly IClock? _clock;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="database">The test's own database.</param>
    /// <param name="clock">The host's clock (a FakeClock); the system clock when null.</param>
    /// <param name="settings">Configuration on top of the root appsettings.json.</param>
    /// <param name="services">Extra services, e.g. a <see cref="SaveGate"/> that makes two saves meet.</param>
    public ApiFactory(
        TestDatabase database, IClock? clock = null, IReadOnlyDictionary<string, string>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        _database = database;
        _clock = clock;
        _services = services;
        _settings = settings ?? new Dictionary<string, string>();
        UseKestrel(0);
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _database.Settings)
            builder.UseSetting(key, value);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        if (_clock is not null)
            builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton(_clock)));
        if (_services is not null)
            builder.ConfigureTestServices(_services);
    }
}
