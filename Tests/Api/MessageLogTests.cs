using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Intake.Domain.Messages;
using Intake.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Intake.Tests.Api;

/// <summary>The therapist's message log: what went, how and when, for their own requests only, never the words.</summary>
public class MessageLogTests : ApiTests
{


    private async Task<Guid> HoldAsync()
    {
        using var response = await Client.PostAsJsonAsync("/api/consultations",
            Requests.WithSlot(Requests.ByText(), "2027-03-15T09:00:00-04:00", "t1"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Test]
    public async Task MessageLog_ListsEachMessageWithItsStateAndNoWords()
    {
        var id = await HoldAsync();
        await using (var db = Database.Open())
        {
            await db.Messages.Where(m => m.Kind == MessageKind.Acknowledgement).ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, MessageStatus.Sent)
                .SetProperty(m => m.ProviderMessageId, "SM00000000000000000000000000000042")
                .SetProperty(m => m.DeliveryStatus, "delivered"));
        }

        using var ada = await TherapistAccounts.SignedInClientAsync(Api, "t1", "ada@calmharbor.example");
        using var response = await ada.GetAsync($"/api/therapist/consultations/{id}/messages");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var text = await response.Content.ReadAsStringAsync();
        var log = JsonDocument.Parse(text).RootElement.EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(log.Select(m => m.GetProperty("kind").GetString()), Is.EquivalentTo(new[] { "Acknowledgement", "TherapistAlert" }));
            var acknowledgement = log.Single(m => m.GetProperty("kind").GetString() == "Acknowledgement");
            Assert.That(acknowledgement.GetProperty("channel").GetString(), Is.EqualTo("Sms"));
            Assert.That(acknowledgement.GetProperty("status").GetString(), Is.EqualTo("Sent"));
            Assert.That(acknowledgement.GetProperty("deliveryStatus").GetString(), Is.EqualTo("delivered"));
            Assert.That(acknowledgement.GetProperty("providerMessageId").GetString(), Is.EqualTo("SM00000000000000000000000000000042"));
            Assert.That(acknowledgement.GetProperty("createdAt").GetString(), Is.EqualTo("2027-03-10T12:00:00Z"));
            Assert.That(text, Does.Not.Contain("panic").And.Not.Contain("Calm Harbor").And.Not.Contain("+1212555"),
                "no bodies, no addresses");
        });
    }

    [Test]
    public async Task MessageLog_OfAnotherTherapistsRequest_Is404()
    {
        var id = await HoldAsync();
        await TherapistAccounts.AddTherapistAsync(Database, TherapistAccounts.London("t2"));
        using var ben = await TherapistAccounts.SignedInClientAsync(Api, "t2", "ben@calmharbor.example");

        using var response = await ben.GetAsync($"/api/therapist/consultations/{id}/messages");
        using var anonymous = await Client.GetAsync($"/api/therapist/consultations/{id}/messages");

        Assert.That((response.StatusCode, anonymous.StatusCode), Is.EqualTo((HttpStatusCode.NotFound, HttpStatusCode.Unauthorized)));
    }
}
