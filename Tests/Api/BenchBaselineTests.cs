using System.Net;
using System.Text.Json;
using Intake.Tests.Support;

namespace Intake.Tests.Api;

/// <summary>The benchmark's bare endpoint: served only to a benchmark run, and exactly the size it is asked for.</summary>
public class BenchBaselineTests
{
    [Test]
    public async Task Baseline_WithoutBenchBaselinesSetting_IsNotServed()
    {
        using var database = new TestDatabase();
        await using var api = new ApiFactory(database);
        using var client = api.CreateClient();

        using var response = await client.GetAsync("/bench/baseline/json?bytes=1000");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase(16)]
    [TestCase(1_000)]
    [TestCase(388_611)]
    public async Task Baseline_WithBenchBaselines_ReturnsValidJsonOfExactlyTheAskedSize(int bytes)
    {
        using var database = new TestDatabase();
        await using var api = new ApiFactory(database, settings: new Dictionary<string, string> { ["Bench:Baselines"] = "true" });
        using var client = api.CreateClient();

        using var response = await client.GetAsync($"/bench/baseline/json?bytes={bytes}");
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(body, Has.Length.EqualTo(bytes));
        Assert.DoesNotThrow(() => JsonDocument.Parse(body).Dispose());
    }

    [TestCase(128)]
    [TestCase(40_000)]
    public async Task PageBaseline_WithBenchBaselines_ReturnsHtmlOfExactlyTheAskedSize_WithATimeButton(int bytes)
    {
        using var database = new TestDatabase();
        await using var api = new ApiFactory(database, settings: new Dictionary<string, string> { ["Bench:Baselines"] = "true" });
        using var client = api.CreateClient();

        using var response = await client.GetAsync($"/bench/baseline/page?bytes={bytes}");
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(body, Has.Length.EqualTo(bytes));
        Assert.That(System.Text.Encoding.UTF8.GetString(body), Does.Contain("<button data-start=").And.EndWith("--></html>"));
    }
}
