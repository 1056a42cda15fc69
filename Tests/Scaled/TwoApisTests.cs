using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Intake.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Intake.Tests.Scaled;

/// <summary>Two Api processes behind one database, as behind a load balancer.</summary>
public class TwoApisTests : SharedDatabaseTests
{
    [Test]
    public async Task Post_TwoHundredRequestsForOneSlotAcrossTwoApiProcesses_ExactlyOneHoldsIt()
    {
        // Both start at once and migrate and seed the same database: EF Core's lock and the seed's retry let them.
        var urls = new[] { HostProcess.FreeLocalUrl(), HostProcess.FreeLocalUrl() };
        var apis = urls.Select(url => StartApi(url, new Dictionary<string, string?>())).ToList();
        await Task.WhenAll(apis.Select((api, i) => api.WaitUntilReadyAsync(urls[i], TimeSpan.FromMinutes(2))));
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 200 };
        var clients = urls.Select(url => new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(2) }).ToList();
        var slot = await FirstOpenSlotAsync(clients[0]);

        using var start = new SemaphoreSlim(0);
        var attempts = Enumerable.Range(0, 200).Select(async i =>
        {
            await start.WaitAsync();
            using var response = await clients[i % 2].PostAsJsonAsync("/api/consultations", Requests.WithSlot(Requests.ByText(), slot, "t1"));
            return (Api: i % 2, response.StatusCode);
        }).ToList();
        start.Release(200);
        var answers = await Task.WhenAll(attempts);

        TestContext.Out.WriteLine(string.Join("; ", answers.GroupBy(a => (a.Api, a.StatusCode)).Select(g => $"api {g.Key.Api}: {g.Count()} × {(int)g.Key.StatusCode}")));
        await using var db = Database.Open();
        Assert.Multiple(async () =>
        {
            Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.Created), Is.EqualTo(1));
            Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.Conflict), Is.EqualTo(199));
            Assert.That(answers.Select(a => a.Api).Distinct().Count(), Is.EqualTo(2), "both processes answered");
            Assert.That(await db.ConsultationRequests.CountAsync(), Is.EqualTo(1));
            Assert.That(await db.Messages.CountAsync(), Is.EqualTo(2), "one acknowledgement and one alert, for the one request");
        });
        foreach (var client in clients)
            client.Dispose();
    }

    /// <summary>The first time the practice offers in the coming two weeks, as the booking form would show it.</summary>
    private static async Task<string> FirstOpenSlotAsync(HttpClient client)
    {
        var today = DateTime.UtcNow.Date;
        var body = await client.GetFromJsonAsync<JsonElement>(
            $"/api/slots?from={today:yyyy-MM-dd}&to={today.AddDays(14):yyyy-MM-dd}&timeZone=America/New_York");
        return body.GetProperty("slots")[0].GetProperty("start").GetString()!;
    }
}
