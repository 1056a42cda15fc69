using System.Text.Json.Nodes;
using Intake.Tests.Support;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Intake.Tests.Api;

/// <summary>
/// /openapi/v1.json read as a client generator would read it: Microsoft.OpenApi's reader and rule set find nothing
/// wrong, and the rules of docs/decisions/010-openapi-contract.md hold.
/// </summary>
public class OpenApiDocumentTests
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    private TestDatabase _database = null!;
    private ApiFactory _api = null!;
    private string _json = null!;
    private JsonObject _document = null!;

    [OneTimeSetUp]
    public async Task ReadTheDocument()
    {
        _database = new TestDatabase();
        _api = new ApiFactory(_database);
        using var client = _api.CreateClient();
        _json = await client.GetStringAsync("/openapi/v1.json");
        _document = JsonNode.Parse(_json)!.AsObject();
    }

    [OneTimeTearDown]
    public async Task StopApi()
    {
        await _api.DisposeAsync();
        _database.Dispose();
    }

    private IEnumerable<(string Path, string Method, JsonObject Operation)> Operations() =>
        from path in _document["paths"]!.AsObject()
        from entry in path.Value!.AsObject()
        where Methods.Contains(entry.Key)
        select (path.Key, entry.Key, entry.Value!.AsObject());

    [Test]
    public void Document_ReadByMicrosoftOpenApi_HasNoErrorsOrWarnings()
    {
        var settings = new OpenApiReaderSettings();
        var read = OpenApiDocument.Parse(_json, OpenApiConstants.Json, settings);

        Assert.That(read.Diagnostic?.Errors.Select(e => e.ToString()), Is.Empty);
        Assert.That(read.Diagnostic?.Warnings.Select(e => e.ToString()), Is.Empty);
        Assert.That(read.Document, Is.Not.Null);
        var problems = read.Document!.Validate(ValidationRuleSet.GetDefaultRuleSet())?.Select(e => e.ToString()) ?? [];
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void EveryOperation_HasAUniqueOperationId()
    {
        var ids = Operations().Select(o => o.Operation["operationId"]?.GetValue<string>()).ToList();

        Assert.That(ids, Has.None.Null);
        Assert.That(ids, Is.Unique);
        Assert.That(ids, Has.All.Match("^[A-Za-z][A-Za-z0-9]*$"));
    }

    [Test]
    public void Every4xx_IsTheProblemSchema()
    {
        var wrong = (from o in Operations()
                     from response in o.Operation["responses"]!.AsObject()
                     where response.Key.StartsWith('4')
                     let reference = response.Value?["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>()
                     where reference != "#/components/schemas/ProblemDetails"
                     select $"{o.Method} {o.Path} {response.Key}").ToList();

        Assert.That(wrong, Is.Empty);
    }

    [Test]
    public void ProblemSchema_AllowsWhatProblemsCarry()
    {
        var properties = _document["components"]!["schemas"]!["ProblemDetails"]!["properties"]!.AsObject().Select(p => p.Key);

        Assert.That(properties, Is.SupersetOf(new[] { "type", "title", "status", "detail", "traceId", "rule", "errors" }));
    }

    [Test]
    public void EverySchema_IsUsed()
    {
        var schemas = _document["components"]!["schemas"]!.AsObject().Select(s => s.Key);

        Assert.That(schemas.Where(name => !_json.Contains($"\"#/components/schemas/{name}\"", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void Register_IsNotDescribed()
    {
        var paths = _document["paths"]!.AsObject().Select(p => p.Key);

        Assert.That(paths, Has.None.Contains("register").IgnoreCase);
        Assert.That(_document["components"]!["schemas"]!.AsObject().Select(s => s.Key), Has.None.EqualTo("RegisterRequest"));
    }

    [Test]
    public void TherapistOperations_NeedBearerOrCookieAndDocument401()
    {
        var schemes = _document["components"]!["securitySchemes"]!.AsObject().Select(s => s.Key);
        var therapist = Operations().Where(o => o.Path.StartsWith("/api/therapist", StringComparison.Ordinal)).ToList();

        Assert.That(schemes, Is.EquivalentTo(new[] { "bearer", "cookie" }));
        Assert.That(therapist, Is.Not.Empty);
        foreach (var (path, method, operation) in therapist)
        {
            var security = operation["security"]!.AsArray().SelectMany(r => r!.AsObject().Select(s => s.Key));
            Assert.That(security, Is.EquivalentTo(new[] { "bearer", "cookie" }), $"{method} {path}");
            Assert.That(operation["responses"]!.AsObject().Select(r => r.Key), Does.Contain("401"), $"{method} {path}");
        }
    }

    [Test]
    public void Enums_AreStringsWithoutNull()
    {
        var enums = _document["components"]!["schemas"]!.AsObject().Where(s => s.Value?["enum"] is not null).ToList();

        Assert.That(enums.Select(e => e.Key), Is.SupersetOf(new[] { "ConsultationStatus", "CancelledBy", "ContactChannel", "MessageKind" }));
        foreach (var (name, schema) in enums)
        {
            Assert.That(schema!["type"]?.GetValue<string>(), Is.EqualTo("string"), name);
            Assert.That(schema["enum"]!.AsArray(), Has.None.Null, name);
        }
    }

    [TestCase("SlotResponse", "start", "date-time")]
    [TestCase("TherapistConsultationResponse", "submittedAt", "date-time")]
    [TestCase("MessageLogResponse", "createdAt", "date-time")]
    [TestCase("ManagedConsultationResponse", "slotStart", "date-time")]
    [TestCase("RequestConsultation", "slotStart", "date-time")]
    [TestCase("ManageSlotBody", "slotStart", "date-time")]
    public void Times_AreDateTimes(string schema, string property, string format)
    {
        var described = _document["components"]!["schemas"]![schema]!["properties"]![property]!;

        Assert.That(described["format"]?.GetValue<string>(), Is.EqualTo(format));
    }

    [Test]
    public void SlotQuery_IsNamedAsTheReadmeWritesIt()
    {
        var parameters = _document["paths"]!["/api/slots"]!["get"]!["parameters"]!.AsArray()
            .ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!);

        Assert.That(parameters.Keys, Is.EquivalentTo(new[] { "from", "to", "timeZone", "therapistId" }));
        Assert.That(parameters["from"]["schema"]!["format"]!.GetValue<string>(), Is.EqualTo("date"));
        Assert.That(parameters["from"]["required"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public void RequestConsultation_RequiresWhatTheValidatorRequires()
    {
        var required = _document["components"]!["schemas"]!["RequestConsultation"]!["required"]!.AsArray().Select(r => r!.GetValue<string>());

        Assert.That(required, Is.EquivalentTo(new[] { "name", "phone", "email", "preferredChannel", "timeZone" }));
    }

    [TestCase("GET", "/api/slots", 500, null, "", "does not document status 500")]
    [TestCase("GET", "/api/slots", 200, "application/json", """{"timeZone": 1, "slots": []}""", "timeZone")]
    [TestCase("GET", "/api/slots", 200, "text/plain", "hello", "not text/plain")]
    [TestCase("GET", "/api/slots", 400, "application/problem+json", """{"status": 400, "title": "x", "secret": "y"}""", "secret")]
    [TestCase("GET", "/api/nowhere", 200, "application/json", "{}", "not in the document")]
    [TestCase("DELETE", "/api/slots", 200, "application/json", "{}", "not documented")]
    public void ResponseCheck_WhenTheAnswerIsNotWhatTheDocumentSays_SaysWhy(
        string method, string path, int status, string? mediaType, string body, string complaint)
    {
        var contract = new ApiContract(_json);
        using var response = new HttpResponseMessage((System.Net.HttpStatusCode)status)
        {
            Content = mediaType is null ? new ByteArrayContent([]) : new StringContent(body, System.Text.Encoding.UTF8, mediaType),
        };

        var problems = contract.Check(new HttpMethod(method), path, response, body);

        Assert.That(string.Join("\n", problems), Does.Contain(complaint));
    }

    [Test]
    public void ResponseCheck_WhenTheAnswerIsWhatTheDocumentSays_FindsNothing()
    {
        var contract = new ApiContract(_json);
        const string body = """{"timeZone": "UTC", "slots": [{"therapistId": "t1", "start": "2027-03-15T09:00:00+00:00", "end": "2027-03-15T09:15:00+00:00"}]}""";
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };

        Assert.That(contract.Check(HttpMethod.Get, "/api/slots", response, body), Is.Empty);
    }
}
