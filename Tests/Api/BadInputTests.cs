using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Intake.Tests.Support;

namespace Intake.Tests.Api;

/// <summary>Every kind of bad input gets a problem document naming what is wrong, and changes nothing.</summary>
public class BadInputTests
{
    private TestDatabase _database = null!;
    private ApiFactory _api = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void StartApi()
    {
        _database = new TestDatabase();
        _api = new ApiFactory(_database);
        _client = _api.CreateClient();
    }

    [OneTimeTearDown]
    public async Task StopApi()
    {
        _client.Dispose();
        await _api.DisposeAsync();
        _database.Dispose();
    }

    private static string Valid(Action<JsonObject>? change = null)
    {
        var json = JsonSerializer.SerializeToNode(Requests.Json(Requests.ByText()))!.AsObject();
        change?.Invoke(json);
        return json.ToJsonString();
    }

    private static IEnumerable<TestCaseData> BadBodies()
    {
        yield return new TestCaseData("""{"name": "Jane", "phone": """, "body").SetName("Malformed JSON");
        yield return new TestCaseData("[]", "body").SetName("An array, not an object");
        yield return new TestCaseData("\"hello\"", "body").SetName("A string, not an object");
        yield return new TestCaseData(Valid(j => j["smsConsent"] = "yes"), "smsConsent").SetName("Wrong type: smsConsent as a string");
        yield return new TestCaseData(Valid(j => j["name"] = 42), "name").SetName("Wrong type: name as a number");
        yield return new TestCaseData(Valid(j => j["phone"] = new JsonObject()), "phone").SetName("Wrong type: phone as an object");
        yield return new TestCaseData(Valid(j => j.Remove("name")), "name").SetName("Missing name");
        yield return new TestCaseData(Valid(j => j.Remove("phone")), "phone").SetName("Missing phone");
        yield return new TestCaseData(Valid(j => j.Remove("email")), "email").SetName("Missing email");
        yield return new TestCaseData(Valid(j => j.Remove("timeZone")), "timeZone").SetName("Missing time zone");
        yield return new TestCaseData(Valid(j => j["name"] = new string('n', 101)), "name").SetName("Name over 100 characters");
        yield return new TestCaseData(Valid(j => j["message"] = new string('m', 2_001)), "message").SetName("Message over 2000 characters");
        yield return new TestCaseData(Valid(j => j["phone"] = "555-01"), "phone").SetName("Invalid phone");
        yield return new TestCaseData(Valid(j => j["email"] = "jane.example.com"), "email").SetName("Invalid email");
        yield return new TestCaseData(Valid(j => j["timeZone"] = "Europe/Atlantis"), "timeZone").SetName("Unknown time zone");
        yield return new TestCaseData(Valid(j => j["preferredChannel"] = "pigeon"), "preferredChannel").SetName("Unknown channel");
        yield return new TestCaseData(Valid(j => j["diagnosis"] = "anxiety"), "diagnosis").SetName("Unknown field");
        yield return new TestCaseData(Valid().Replace("\"name\":\"Jane Doe\"", "\"name\":\"Jane Doe\",\"name\":\"Other\"", StringComparison.Ordinal), "body")
            .SetName("Duplicate field");
    }

    [TestCaseSource(nameof(BadBodies))]
    public async Task Post_BadBody_Returns400NamingTheFieldAndStoresNothing(string body, string field)
    {
        var before = await _database.CountRowsAsync();

        using var response = await PostAsync(body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo(400));
        var errors = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        if (field == "body")
            Assert.That(errors, Is.Not.Empty);
        else
            Assert.That(errors, Does.Contain(field));
        Assert.That(await _database.CountRowsAsync(), Is.EqualTo(before), "nothing stored, so nothing will be sent");
    }

    [Test]
    public async Task Post_SeveralBadFields_NamesEachOfThem()
    {
        using var response = await PostAsync(Valid(j =>
        {
            j["phone"] = "nope";
            j["email"] = "nope";
            j["timeZone"] = "nope";
        }));

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(p => p.Name),
            Is.EquivalentTo(new[] { "phone", "email", "timeZone" }));
    }

    [Test]
    public async Task Post_BadField_ProblemDoesNotEchoWhatWasTyped()
    {
        using var response = await PostAsync(Valid(j => j["phone"] = "my number is 555 sorry"));

        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("sorry").And.Not.Contain("panic"));
    }

    [Test]
    public async Task Post_BodyOver64KB_Returns413ProblemAndStoresNothing()
    {
        var before = await _database.CountRowsAsync();

        using var response = await PostAsync(Valid(j => j["message"] = new string('m', 70_000)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await _database.CountRowsAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Post_NotJson_Returns415Problem()
    {
        using var response = await _client.PostAsync("/api/consultations", new StringContent(Valid(), Encoding.UTF8, "text/plain"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [TestCase("")]
    [TestCase("null")]
    public async Task Post_EmptyOrNullBody_Returns400Problem(string body)
    {
        using var response = await PostAsync(body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    private Task<HttpResponseMessage> PostAsync(string body) =>
        _client.PostAsync("/api/consultations", new StringContent(body, Encoding.UTF8, "application/json"));
}
