using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
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
        _contract = new Lazy<Task<ApiContract>>(LoadContractAsync);
        UseKestrel(0);
        StartServer();
    }

    private readonly Lazy<Task<ApiContract>> _contract;

    /// <summary>
    /// A client for the Api whose every response is checked against the Api's OpenAPI document
    /// (<see cref="ResponseSchemaCheck"/>); it follows redirects and keeps cookies, as WebApplicationFactory's own does.
    /// </summary>
    public new HttpClient CreateClient() =>
        CreateDefaultClient(new RedirectHandler(), new CookieContainerHandler(), new ResponseSchemaCheck(() => _contract.Value));

    /// <summary>The same, but a redirect is answered as it is (its status and Location), not followed.</summary>
    public HttpClient CreateClientNotFollowingRedirects()
    {
        using var probe = CreateDefaultClient();
        return new HttpClient(new ResponseSchemaCheck(() => _contract.Value) { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false } })
        {
            BaseAddress = probe.BaseAddress,
        };
    }

    private async Task<ApiContract> LoadContractAsync()
    {
        using var client = CreateDefaultClient();
        return new ApiContract(await client.GetStringAsync("/openapi/v1.json"));
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
