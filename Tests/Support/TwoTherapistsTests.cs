using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Intake.Domain.Consultations;
using Intake.Domain.Consultations.ManageLinks;
using Intake.Domain.Consultations.RequestConsultation;
using Intake.Domain.Practices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Intake.Domain.Messages;
using NodaTime;
using NodaTime.Testing;

namespace Intake.Tests.Support;

/// <summary>
/// The real Api on a fresh database with a fake clock, and three clients: a visitor, Ada (t1, New York, the root
/// appsettings.json's therapist) and Ben (t2, London), each signed in with a bearer token.
/// </summary>
public abstract class TwoTherapistsTests
{
    /// <summary>Wednesday 10 March 2027, 07:00 in New York.</summary>
    protected static readonly Instant Now = Instant.FromUtc(2027, 3, 10, 12, 0);

    protected FakeClock Clock { get; private set; } = null!;

    internal TestDatabase Database { get; private set; } = null!;

    internal ApiFactory Api { get; private set; } = null!;

    protected HttpClient Anonymous { get; private set; } = null!;

    protected HttpClient Ada { get; private set; } = null!;

    protected HttpClient Ben { get; private set; } = null!;

    [SetUp]
    public Task StartApiAsync() => StartAsync(Settings);

    [TearDown]
    public async Task StopApiAsync()
    {
        Anonymous.Dispose();
        Ada.Dispose();
        Ben.Dispose();
        await Api.DisposeAsync();
        Database.Dispose();
    }

    /// <summary>Starts again on a fresh database with these settings on top of the root appsettings.json.</summary>
    protected async Task RestartAsync(IReadOnlyDictionary<string, string> settings)
    {
        await StopApiAsync();
        await StartAsync(settings);
    }

    /// <summary>Settings the Api starts with on top of the root appsettings.json; none by default.</summary>
    private protected virtual IReadOnlyDictionary<string, string>? Settings => null;

    /// <summary>The second therapist, stored as seeding would have: Ben (t2, London) by default.</summary>
    private protected virtual TherapistOptions SecondTherapist => TherapistAccounts.London("t2");

    /// <summary>Services the Api gets on top of its own (a <see cref="SaveGate"/>, say).</summary>
    private protected virtual void AddServices(IServiceCollection services)
    {
    }

    private async Task StartAsync(IReadOnlyDictionary<string, string>? settings)
    {
        Clock = new FakeClock(Now);
        Database = new TestDatabase();
        Api = new ApiFactory(Database, Clock, settings, AddServices);
        await TherapistAccounts.AddTherapistAsync(Database, SecondTherapist);
        Anonymous = Api.CreateClient();
        Ada = await TherapistAccounts.SignedInClientAsync(Api, "t1", "ada@calmharbor.example");
        Ben = await TherapistAccounts.SignedInClientAsync(Api, "t2", "ben@calmharbor.example");
    }

    /// <summary>A prospect (by text, unless <paramref name="request"/> says otherwise) holds the slot (answered 201); the request's id.</summary>
    protected async Task<Guid> HoldAsync(string slotStart, string therapistId = "t1", RequestConsultation? request = null)
    {
        using var response = await Anonymous.PostAsJsonAsync("/api/consultations", Requests.WithSlot(request ?? Requests.ByText(), slotStart, therapistId));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), slotStart);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A prospect asks to be called back (answered 201); the request's id.</summary>
    protected async Task<Guid> CallbackAsync()
    {
        using var response = await Anonymous.PostAsJsonAsync("/api/consultations", Requests.Json(Requests.ByText()));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The therapist's open times from 11 March to 8 April 2027, earliest first, as the booking page reads them; at least <paramref name="atLeast"/>.</summary>
    protected async Task<Queue<string>> OpenStartsAsync(string therapistId, int atLeast)
    {
        var list = await Anonymous.GetFromJsonAsync<JsonElement>($"/api/slots?from=2027-03-11&to=2027-04-08&timeZone=UTC&therapistId={therapistId}");
        var starts = list.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("start").GetString()!).ToList();
        Assert.That(starts, Has.Count.GreaterThanOrEqualTo(atLeast), "enough open times for the test");
        return new Queue<string>(starts);
    }

    /// <summary>The prospect's manage token for the request, as their links carry it.</summary>
    protected string ManageToken(Guid id) =>
        Api.Services.GetRequiredService<ManageLinks>().TokenFor(new ConsultationRequestId(id), Now + Duration.FromDays(90));

    /// <summary>POST /api/therapist/consultations/{id}/{action}, with a body (an object as JSON, a string as it is) or none; the status answered.</summary>
    protected static async Task<HttpStatusCode> ActAsync(HttpClient therapist, Guid id, string action, object? body = null)
    {
        using var response = await PostActionAsync(therapist, id, action, body);
        return response.StatusCode;
    }

    protected static Task<HttpResponseMessage> PostActionAsync(HttpClient therapist, Guid id, string action, object? body = null)
    {
        var path = $"/api/therapist/consultations/{id}/{action}";
        return body switch
        {
            null => therapist.PostAsync(path, content: null),
            string json => therapist.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json")),
            _ => therapist.PostAsJsonAsync(path, body),
        };
    }

    /// <summary>A request's status and the kinds of its messages still meant to go (none cancelled).</summary>
    protected async Task<(ConsultationStatus Status, List<MessageKind> Kinds)> StateAsync(Guid id)
    {
        await using var db = Database.Open();
        var requestId = new ConsultationRequestId(id);
        var status = await db.ConsultationRequests.Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync();
        var kinds = await db.Messages.Where(m => m.ConsultationRequestId == requestId && m.Status != MessageStatus.Cancelled)
            .Select(m => m.Kind).ToListAsync();
        return (status, kinds);
    }

    protected Task AssertHoldsMatchStatusAsync() =>
        HoldsInvariant.AssertHoldsMatchStatusAsync(Database, Api.Services.GetRequiredService<IOptions<PracticeOptions>>().Value);
}
