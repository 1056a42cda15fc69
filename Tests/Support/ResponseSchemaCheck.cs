using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Intake.Tests.Support;

/// <summary>
/// Every response an API test receives, held against the Api's own /openapi/v1.json: the operation is found by method
/// and path template, the status must be documented for it, the content type must be one it lists, and a JSON body
/// must match the schema (formats included). A mismatch fails the test that made the request. Paths the document
/// does not describe on purpose (the document itself, its UI, health, Twilio's signed webhooks, the dashboard's own
/// pages, the bench's baselines) are let through; any other undescribed path must answer 404 or 405.
/// </summary>
internal sealed class ResponseSchemaCheck(Func<Task<ApiContract>> contract) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (ApiContract.IsUndescribedOnPurpose(request.RequestUri!.AbsolutePath))
            return response;

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var problems = (await contract()).Check(request.Method, request.RequestUri.AbsolutePath, response, body);
        if (problems.Count > 0)
        {
            Assert.Fail($"{request.Method} {request.RequestUri.AbsolutePath} → {(int)response.StatusCode} does not match /openapi/v1.json:\n  "
                + string.Join("\n  ", problems) + $"\n  body: {Truncated(body)}");
        }

        return response;
    }

    private static string Truncated(string body) => body.Length <= 600 ? body : body[..600] + "…";
}

/// <summary>The Api's OpenAPI document, read once per Api, as operations with their response schemas.</summary>
internal sealed class ApiContract
{
    private static readonly string[] UndescribedPrefixes = ["/openapi/", "/scalar", "/health/", "/api/twilio/", "/hangfire/", "/bench/",
        // The pages and their assets: HTML, CSS and script for browsers, not part of the JSON API's contract.
        "/book", "/manage/", "/embed.js", "/brand.css", "/shared/", "/booking/", "/console"];

    private static readonly EvaluationOptions Evaluation = new()
    {
        OutputFormat = OutputFormat.List,
        RequireFormatValidation = true,
        FormatRegistry = Formats(),
    };

    private readonly List<(string Method, Regex Path, string Template, JsonObject Operation)> _operations = [];
    private readonly JsonObject _schemas;
    private readonly ConcurrentDictionary<string, JsonSchema> _built = new();

    public ApiContract(string documentJson)
    {
        // One schema document per response: the response's schema with every component beside it under $defs.
        var document = JsonNode.Parse(documentJson.Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))!.AsObject();
        _schemas = document["components"]?["schemas"]?.AsObject() ?? [];
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            var pattern = "^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "[^/]+") + "/?$";
            foreach (var (method, operation) in item!.AsObject())
                _operations.Add((method.ToUpperInvariant(), new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), template, operation!.AsObject()));
        }
    }

    public static bool IsUndescribedOnPurpose(string path) =>
        UndescribedPrefixes.Any(prefix => path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>What is wrong with this response by the document; empty when nothing.</summary>
    public List<string> Check(HttpMethod method, string path, HttpResponseMessage response, string body)
    {
        var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        var atPath = _operations.Where(o => o.Path.IsMatch(path)).ToList();
        if (atPath.Count == 0)
        {
            return response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed
                ? []
                : [$"the path is not in the document, yet it answered {status}"];
        }

        var found = atPath.FirstOrDefault(o => string.Equals(o.Method, method.Method, StringComparison.OrdinalIgnoreCase));
        if (found.Operation is null)
        {
            return response.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound
                ? []
                : [$"{method} is not documented on {atPath[0].Template}, yet it answered {status}"];
        }

        var operationId = found.Operation["operationId"]?.GetValue<string>() ?? $"{found.Method} {found.Template}";
        var responses = found.Operation["responses"]!.AsObject();
        var documented = responses[status] ?? responses[$"{status[0]}XX"] ?? responses["default"];
        if (documented is null)
            return [$"{operationId} does not document status {status} (it documents {string.Join(", ", responses.Select(r => r.Key))})"];

        var content = documented["content"]?.AsObject();
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (body.Length == 0)
        {
            return content is null || EmptyBodyAllowed(operationId, status)
                ? []
                : [$"{operationId} {status} documents a body ({string.Join(", ", content.Select(c => c.Key))}) but none came"];
        }

        if (content is null)
            return [$"{operationId} {status} documents no body, yet one came ({mediaType})"];
        if (mediaType is null || content[mediaType] is not JsonObject media)
            return [$"{operationId} {status} documents {string.Join(", ", content.Select(c => c.Key))}, not {mediaType ?? "no content type"}"];
        if (!mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase) || media["schema"] is not JsonObject schema)
            return [];

        var validator = _built.GetOrAdd($"{operationId} {status} {mediaType}", key => Build(key, schema));
        JsonDocument instance;
        try
        {
            instance = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return [$"{operationId} {status} sent {mediaType} that is not JSON"];
        }

        using (instance)
        {
            var result = validator.Evaluate(instance.RootElement, Evaluation);
            if (result.IsValid)
                return [];
            return (result.Details ?? [])
                .Where(detail => detail.Errors is { Count: > 0 })
                .SelectMany(detail => detail.Errors!.Select(error => $"at {detail.InstanceLocation} ({detail.EvaluationPath}): {error.Value}"))
                .DefaultIfEmpty("the body does not match the schema")
                .ToList();
        }
    }

    /// <summary>Identity's login with useCookies=true answers 200 with no body (the cookie is the answer).</summary>
    private static bool EmptyBodyAllowed(string operationId, string status) => operationId == "PostAuthLogin" && status == "200";

    private JsonSchema Build(string key, JsonObject schema)
    {
        var root = schema.DeepClone().AsObject();
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = _schemas.DeepClone();
        var id = new Uri($"https://contract.intake.test/{Uri.EscapeDataString(key)}/{Guid.NewGuid():N}");
        return JsonSchema.FromText(root.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() }, id);
    }

    /// <summary>The standard formats, plus OpenAPI's number formats checked for range.</summary>
    private static FormatRegistry Formats()
    {
        var formats = new FormatRegistry();
        formats.Register(new PredicateFormat("int32", e => e.ValueKind != JsonValueKind.Number || e.TryGetInt32(out _)));
        formats.Register(new PredicateFormat("int64", e => e.ValueKind != JsonValueKind.Number || e.TryGetInt64(out _)));
        return formats;
    }
}
