using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Intake.Domain.Consultations;
using Intake.Domain.Messages;
using Intake.Tests.Support;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Intake.Tests.Api;

public class RequestConsultationTests : ApiTests
{
    private static readonly Instant Now = Instant.FromUtc(2027, 3, 14, 6, 30); // 1:30 AM EST, 6:30 AM GMT

    protected override Instant Start => Now;


    [Test]
    public async Task Post_ByText_Returns201WithLocationAndStoresTheRequestWithItsMessages()
    {
        using var response = await Client.PostAsJsonAsync("/api/consultations", Requests.Json(Requests.ByText()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("Requested"));
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/consultations/{id}"));

        await using var db = Database.Open();
        var stored = await db.ConsultationRequests.SingleAsync();
        Assert.Multiple(() =>
        {
            Assert.That(stored.Id.Value, Is.EqualTo(id));
            Assert.That(stored.Prospect.Phone, Is.EqualTo("+12125550199"), "stored as E.164");
            Assert.That(stored.Prospect.TimeZone.Id, Is.EqualTo("Europe/London"));
            Assert.That(stored.Message, Is.EqualTo(Requests.SensitiveWords), "kept for the therapist");
            Assert.That(stored.SubmittedAt, Is.EqualTo(Now));
        });

        var messages = await db.Messages.OrderBy(m => m.Kind).ToListAsync();
        Assert.That(messages.Select(m => (m.Kind, m.Channel, m.Recipient, m.Status)), Is.EqualTo(new[]
        {
            (MessageKind.Acknowledgement, ContactChannel.Sms, "+12125550199", MessageStatus.Pending),
            (MessageKind.TherapistAlert, ContactChannel.Email, "ada@calmharbor.example", MessageStatus.Pending),
        }));
        Assert.Multiple(() =>
        {
            Assert.That(messages[0].Body, Does.Contain("Calm Harbor Counseling").And.Contain("Sun 14 Mar, 6:30 AM GMT"),
                "the prospect's text is in the prospect's zone");
            Assert.That(messages[1].Body, Does.Contain("Sun 14 Mar, 1:30 AM EST"), "the therapist's email is in the therapist's zone");
            Assert.That(messages.Select(m => m.Body + m.Subject), Has.None.Contain("panic").And.None.Contain("Jane"),
                "minimum necessary: no words of the prospect's, no name");
            Assert.That(messages.Select(m => m.DueAt), Is.All.EqualTo(Now));
        });

        using var status = await Client.GetAsync(response.Headers.Location);
        Assert.That(status.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await status.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString(), Is.EqualTo("Requested"));
    }

    [TestCase("sms", false)]
    [TestCase("email", true)]
    [TestCase("email", false)]
    public async Task Post_WithoutBothTextChoiceAndConsent_AcknowledgesByEmail(string channel, bool consent)
    {
        var request = Requests.ByText("America/Los_Angeles") with { PreferredChannel = channel, SmsConsent = consent };

        using var response = await Client.PostAsJsonAsync("/api/consultations", Requests.Json(request));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        await using var db = Database.Open();
        var acknowledgement = await db.Messages.SingleAsync(m => m.Kind == MessageKind.Acknowledgement);
        Assert.Multiple(() =>
        {
            Assert.That(acknowledgement.Channel, Is.EqualTo(ContactChannel.Email));
            Assert.That(acknowledgement.Recipient, Is.EqualTo("jane@example.com"));
            Assert.That(acknowledgement.Subject, Is.EqualTo("Your consultation request with Calm Harbor Counseling"));
            Assert.That(acknowledgement.Body, Does.Contain("Sat 13 Mar, 10:30 PM PST"));
        });
    }

    [Test]
    public async Task Get_UnknownId_Returns404Problem()
    {
        using var response = await Client.GetAsync($"/api/consultations/{Guid.NewGuid()}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }
}
