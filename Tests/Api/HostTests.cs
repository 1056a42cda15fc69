using System.Net;
using System.Text.Json;
using Intake.Tests.Support;

namespace Intake.Tests.Api;

public class HostTests
{
    [Test]
    public async Task Health_LiveAndReady_Return200OnAMigratedDatabase()
    {
        using var database = new TestDatabase();
        await using var api = new ApiFactory(database);
        using var client = api.CreateClient();

        using var live = await client.GetAsync("/health/live");
        using var ready = await client.GetAsync("/health/ready");

        Assert.That((live.StatusCode, ready.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
    }

    [Test]
    public async Task Ready_WhenTheDatabaseIsGone_Returns503()
    {
        using var database = new TestDatabase();
        await using var api = new ApiFactory(database);
        using var client = api.CreateClient();
        database.Remove();

        using var ready = await client.GetAsync("/health/ready");

        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
    }

    [Test]
    public async Task ApiReference_InDevelopment_IsServed()
    {
        using var database = new TestDatabase();
        await using var api = new ApiFactory(database);
        using var client = api.CreateClient();

        using var page = await client.GetAsync("/scalar/v1");

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
    }

    [Test]
    public async Task OpenApi_DescribesTheConsultationEndpoint()
    {
        using var database = new TestDatabase();
        await using var api = new ApiFactory(database);
        using var client = api.CreateClient();

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        Assert.That(document.RootElement.GetProperty("paths").TryGetProperty("/api/consultations", out _), Is.True);
    }
}
