using Intake.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Intake.Tests.Browser;

/// <summary>
/// A practice's own site on another port of 127.0.0.1: it serves docs/embed-sample.html at "/" with the placeholder
/// origin replaced by the Intake under test, and nothing else.
/// </summary>
internal sealed class EmbedSampleHost : IAsyncDisposable
{
    /// <summary>The origin the sample page names, for a practice to replace with its own Intake's.</summary>
    public const string Placeholder = "https://intake.example";

    public static string SamplePath => Path.Combine(TestPaths.RepositoryRoot, "docs", "embed-sample.html");

    private readonly WebApplication _app;

    private EmbedSampleHost(WebApplication app) => _app = app;

    /// <summary>This site's origin, e.g. http://127.0.0.1:41235 (no trailing slash, as CSP and postMessage write it).</summary>
    public string Origin { get; private set; } = string.Empty;

    /// <summary>The Intake the page embeds; set by each test, read at every request.</summary>
    public Uri? Intake { get; set; }

    public static async Task<EmbedSampleHost> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var host = new EmbedSampleHost(app);
        app.MapGet("/", async (HttpContext context) =>
        {
            var intake = host.Intake ?? throw new InvalidOperationException("No Intake to embed yet.");
            var page = await File.ReadAllTextAsync(SamplePath);
            Assert.That(page, Does.Contain(Placeholder), "the sample page names the placeholder origin");
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(page.Replace(Placeholder, intake.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal));
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.Origin = new Uri(address).GetLeftPart(UriPartial.Authority);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
