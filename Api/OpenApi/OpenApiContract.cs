using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Intake.Api.Jobs;
using Intake.Domain.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Intake.Api.OpenApi;

/// <summary>
/// What /openapi/v1.json promises, made to match what the Api answers (docs/decisions/010-openapi-contract.md):
/// one problem schema with every field a problem carries; enums typed; request bodies requiring exactly what the
/// validators require; times as date-time and dates as date; every status an operation can answer; the bearer and
/// cookie schemes on what needs a sign-in; operation ids everywhere; no schema nobody uses.
/// </summary>
public static class OpenApiContract
{
    public const string ProblemSchema = "ProblemDetails";
    public const string ProblemMediaType = "application/problem+json";
    public const string BearerScheme = "bearer";
    public const string CookieScheme = "cookie";

    public static IServiceCollection AddIntakeOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddSchemaTransformer((schema, context, _) =>
            {
                DescribeSchema(schema, context);
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                DescribeOperation(operation, context);
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer((document, context, _) =>
            {
                DescribeDocument(document, context.ApplicationServices);
                return Task.CompletedTask;
            });
        });

    // ---- schemas -----------------------------------------------------------------------------------------------

    private static void DescribeSchema(OpenApiSchema schema, OpenApiSchemaTransformerContext context)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;

        // Enums are written by name (JsonStringEnumConverter): say so, once, in the enum's own schema.
        // Null is not one of its values: a nullable enum property says so itself (oneOf null or the enum).
        if (type.IsEnum && schema.Enum is { Count: > 0 })
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = schema.Enum.Where(value => value is not null).ToList();
        }

        // A property's own format, from [DataType] on it: times as date-time, dates as date.
        if (context.JsonPropertyInfo?.AttributeProvider is ICustomAttributeProvider property
            && property.GetCustomAttributes(typeof(DataTypeAttribute), inherit: true).OfType<DataTypeAttribute>().FirstOrDefault() is { } dataType
            && FormatOf(dataType.DataType) is { } format)
        {
            var target = schema.Items as OpenApiSchema ?? schema;
            target.Format = format;
        }

        // A request body requires what its validator requires ([Required] on the property): no more, and never null.
        if (IsRequestBody(type) && schema.Properties is { } properties)
        {
            schema.Required = new HashSet<string>(StringComparer.Ordinal);
            foreach (var info in context.JsonTypeInfo.Properties)
            {
                if (info.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) != true
                    || !properties.TryGetValue(info.Name, out var propertySchema))
                {
                    continue;
                }

                schema.Required.Add(info.Name);
                if (propertySchema is OpenApiSchema inline && inline.Type is { } types)
                    inline.Type = types & ~JsonSchemaType.Null;
            }
        }
    }

    private static string? FormatOf(DataType dataType) => dataType switch
    {
        DataType.DateTime => "date-time",
        DataType.Date => "date",
        _ => null,
    };

    /// <summary>A type a client sends as a body: marked [RequestBody], or with a property marked [Required].</summary>
    private static bool IsRequestBody(Type type) =>
        type.IsDefined(typeof(RequestBodyAttribute), inherit: false)
        || type.GetProperties().Any(p => p.IsDefined(typeof(RequiredAttribute), inherit: true));

    // ---- operations --------------------------------------------------------------------------------------------

    private static void DescribeOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        operation.Responses ??= [];
        if (operation.OperationId is null || !operation.OperationId.All(char.IsAsciiLetterOrDigit))
            operation.OperationId = OperationIdFor(description);

        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Schema is OpenApiSchema schema && ParameterFormats.TryGetValue(parameter.Name ?? "", out var format))
                schema.Format = format;
        }

        var hasBody = description.ParameterDescriptions.Any(p => p.Source == BindingSource.Body)
            || metadata.OfType<IAcceptsMetadata>().Any();
        var hasQuery = description.ParameterDescriptions.Any(p => p.Source == BindingSource.Query);
        var needsSignIn = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        // A value the route constrains ({id:guid}) that does not fit matches no route: 404.
        var hasConstrainedRouteValues = description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path && p.RouteInfo?.Constraints?.Any() == true);

        if (hasBody || hasQuery)
            Problem(operation, context.Document, StatusCodes.Status400BadRequest, "A field is missing or not valid; each is named in errors.");
        if (hasBody)
        {
            Problem(operation, context.Document, StatusCodes.Status413PayloadTooLarge, "The body is larger than Api:MaxRequestBodyBytes.");
            Problem(operation, context.Document, StatusCodes.Status415UnsupportedMediaType, "The body is not JSON (Content-Type: application/json).");
        }

        if (hasConstrainedRouteValues)
            Problem(operation, context.Document, StatusCodes.Status404NotFound, "Nothing is there, or it is not yours to see.");
        if (SignInFailures.Contains(operation.OperationId))
            Problem(operation, context.Document, StatusCodes.Status401Unauthorized, "The email, password, token or code does not match, or the account is locked out.");
        if (needsSignIn)
        {
            Problem(operation, context.Document, StatusCodes.Status401Unauthorized, "Not signed in: send a bearer token or the sign-in cookie.");
            operation.Security = SignedIn(context.Document);
        }

        // Every problem, whoever wrote it (our handler, Identity, the status-code pages), has the one shape.
        foreach (var (status, response) in operation.Responses)
        {
            if (status.StartsWith('4') && response is OpenApiResponse problem)
                problem.Content = ProblemContent(context.Document);
        }
    }

    /// <summary>Identity's operations that answer 401 themselves when what is given does not sign in.</summary>
    private static readonly HashSet<string> SignInFailures = new(StringComparer.Ordinal) { "PostAuthLogin", "PostAuthRefresh", "GetAuthConfirmEmail" };

    /// <summary>Parameters whose text is a date or a time, by the name they have in the document.</summary>
    private static readonly Dictionary<string, string> ParameterFormats = new(StringComparer.Ordinal)
    {
        ["from"] = "date",
        ["to"] = "date",
        ["date"] = "date",
    };

    /// <summary>Identity's endpoints have no names: "POST /api/auth/manage/info" becomes "PostAuthManageInfo".</summary>
    private static string OperationIdFor(ApiDescription description)
    {
        var words = (description.RelativePath ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(segment => segment != "api" && !segment.StartsWith('{'))
            .Select(segment => string.Concat(char.ToUpperInvariant(segment[0]), segment[1..]));
        var method = description.HttpMethod ?? "Get";
        return string.Concat(method[0], method[1..].ToLowerInvariant()) + string.Concat(words).Replace("-", "", StringComparison.Ordinal);
    }

    private static void Problem(OpenApiOperation operation, OpenApiDocument? document, int status, string description)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key))
            return;
        operation.Responses[key] = new OpenApiResponse { Description = description, Content = ProblemContent(document) };
    }

    private static Dictionary<string, OpenApiMediaType> ProblemContent(OpenApiDocument? document) => new()
    {
        [ProblemMediaType] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
    };

    private static List<OpenApiSecurityRequirement> SignedIn(OpenApiDocument? document) =>
    [
        new() { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] },
        new() { [new OpenApiSecuritySchemeReference(CookieScheme, document)] = [] },
    ];

    // ---- the document ------------------------------------------------------------------------------------------

    private static void DescribeDocument(OpenApiDocument document, IServiceProvider services)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = ProblemDetailsSchema();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The accessToken from POST /api/auth/login (opaque, not a JWT); renew it with POST /api/auth/refresh.",
            },
            [CookieScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = ".AspNetCore.Identity.Application",
                Description = "The cookie POST /api/auth/login?useCookies=true sets.",
            },
        };

        if (services.GetRequiredService<IOptions<StorageOptions>>().Value.SharesJobs)
            AddDashboard(document);

        RemoveUnusedSchemas(document);
    }

    private static OpenApiSchema ProblemDetailsSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An RFC 9457 problem document. A 400 names each bad field in errors; a refused change names its rule.",
        Required = new HashSet<string> { "status", "title" },
        AdditionalPropertiesAllowed = false,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A URI naming the kind of problem." },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "400", Maximum = "599" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Quote it to the practice; it finds the request in the logs." },
            ["rule"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The rule a refused change broke, e.g. OnlyPendingCanBeConfirmed." },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Each bad field (camelCase, as sent) and what is wrong with it.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
    };

    /// <summary>Hangfire's dashboard (shared job storage only): an HTML page for signed-in therapists.</summary>
    private static void AddDashboard(OpenApiDocument document)
    {
        var operation = new OpenApiOperation
        {
            OperationId = "JobDashboard",
            Summary = "Hangfire's dashboard (HTML), read-only unless the account is an administrator.",
            Tags = new HashSet<OpenApiTagReference> { new("Jobs", document) },
            Security = SignedIn(document),
            Responses = new OpenApiResponses
            {
                ["200"] = new OpenApiResponse
                {
                    Description = "The dashboard page.",
                    Content = new Dictionary<string, OpenApiMediaType> { ["text/html"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } } },
                },
                ["401"] = new OpenApiResponse { Description = "Not signed in.", Content = ProblemContent(document) },
                ["403"] = new OpenApiResponse
                {
                    Description = "Outside Development over plain HTTP: the console and the dashboard work over HTTPS only.",
                    Content = ProblemContent(document),
                },
            },
        };
        document.Tags ??= new HashSet<OpenApiTag>();
        document.Tags.Add(new OpenApiTag { Name = "Jobs" });
        document.Paths[JobDashboard.Path] = new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Get] = operation },
        };
    }

    /// <summary>Drops every component schema nothing refers to (Identity's request types left by the unmapped register, replaced problem types).</summary>
    private static void RemoveUnusedSchemas(OpenApiDocument document)
    {
        var schemas = document.Components!.Schemas!;
        while (true)
        {
            var text = Serialized(document);
            var unused = schemas.Keys.Where(name => !text.Contains($"\"#/components/schemas/{name}\"", StringComparison.Ordinal)).ToList();
            if (unused.Count == 0)
                return;
            foreach (var name in unused)
                schemas.Remove(name);
        }
    }

    private static string Serialized(OpenApiDocument document)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        document.SerializeAsV31(new OpenApiJsonWriter(writer));
        return writer.ToString();
    }
}

/// <summary>A type a client sends as a body; its required properties carry [Required] (none may, for an all-optional body).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequestBodyAttribute : Attribute;
