using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Intake.Tests.Support;

/// <summary>
/// The real Api on a real socket over a test's own SQLite file, as <see cref="ApiFactory"/> runs it, with the
/// Twilio webhook settings: <see cref="TwilioWebhookSigner.AuthToken"/> and a public base URL that differs from the
/// address the test client uses, as behind a proxy.
/// </summary>
internal sealed class TwilioWebhookApi : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;
    private readonly IClock _clock;

    public TwilioWebhookApi(TestDatabase database, IClock clock)
    {
        _database = database;
        _clock = clock;
        UseKestrel(0);
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _database.Settings)
            builder.UseSetting(key, value);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Twilio:AuthToken", TwilioWebhookSigner.AuthToken);
        builder.UseSetting("Twilio:WebhookBaseUrl", TwilioWebhookSigner.PublicBaseUrl);
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton(_clock)));
    }
}
