using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CpaasX.Testing.Platform;

/// <summary>
/// A contract double of the platform's provisioning APIs, built from the published OpenAPI descriptions: its routes
/// are the specs' paths, every request is checked against the spec's parameters and request schema (a violation is
/// recorded and answered 400), every answer against the spec's response schema for its status (a violation is
/// recorded), the x-throttling-info is enforced per endpoint (429), and faults can be injected. A test asserts
/// <see cref="Violations"/> is empty, so neither the client nor the double can drift from the spec unnoticed.
/// </summary>
public sealed class PlatformDouble : IAsyncDisposable
{
    private const string AssociationsRequest = ".ResourceAssociationRequest";

    private readonly WebApplication _app;
    private readonly PlatformDoubleOptions _options;
    private readonly IReadOnlyList<ContractOperation> _operations;
    private readonly PlatformThrottle _throttle;
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<string> _violations = [];
    private readonly Queue<(string? OperationId, int Status)> _faults = new();
    private readonly Lock _lock = new();
    private volatile bool _revoked;

    private PlatformDouble(WebApplication app, PlatformDoubleOptions options, IReadOnlyList<OpenApiDocument> documents)
    {
        _app = app;
        _options = options;
        // Fixed paths before templated ones, so /associations/single is not read as an ID.
        _operations = [.. documents.SelectMany(document => document.Operations).OrderBy(operation => operation.Template.Contains('{', StringComparison.Ordinal))];
        _throttle = new PlatformThrottle(options.ThrottleUnit);
        Account = new PlatformAccount(options);
        Documents = documents;
    }

    /// <summary>The descriptions the double serves (application-entity.json, sending-strategy.json, numbers.json, resources.json).</summary>
    public IReadOnlyList<OpenApiDocument> Documents { get; }

    public PlatformAccount Account { get; }

    public Uri BaseUrl { get; private set; } = null!;

    public string ApiKey => _options.ApiKey;

    /// <summary>Every answered request, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests { get { lock (_lock) { return [.. _requests]; } } }

    /// <summary>Every departure from the specs seen so far: requests the spec does not allow, answers it does not declare.</summary>
    public IReadOnlyList<string> Violations { get { lock (_lock) { return [.. _violations]; } } }

    /// <summary>Raised after each answer; scenarios use it to stop a client mid-way.</summary>
    public event Action<RecordedRequest>? Answered;

    public static async Task<PlatformDouble> StartAsync(PlatformDoubleOptions? options = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        PlatformDouble platform = new(app, options ?? new PlatformDoubleOptions(),
            [OpenApiDocument.Load("application-entity.json"), OpenApiDocument.Load("sending-strategy.json"), OpenApiDocument.Load("numbers.json"), OpenApiDocument.Load("resources.json")]);
        app.Run(platform.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        platform.BaseUrl = new Uri(address);
        return platform;
    }

    /// <summary>The next <paramref name="count"/> requests (of one operation, or any) are answered <paramref name="status"/>.</summary>
    public void InjectFaults(int status, int count, string? operationId = null)
    {
        lock (_lock)
        {
            for (var index = 0; index < count; index++)
            {
                _faults.Enqueue((operationId, status));
            }
        }
    }

    /// <summary>The platform recovers: faults injected and not yet answered are dropped.</summary>
    public void ClearFaults()
    {
        lock (_lock)
        {
            _faults.Clear();
        }
    }

    /// <summary>The API key stops being accepted: every request is answered 401.</summary>
    public void RevokeKey() => _revoked = true;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "";
        var body = await new StreamReader(request.Body).ReadToEndAsync(context.RequestAborted);
        (var operation, var pathValues) = Route(request.Method, path);
        DoubleResponse response;
        if (operation is null)
        {
            Violate($"{request.Method} {path}: no operation of the specs has this route");
            response = new DoubleResponse(404);
        }
        else
        {
            (response, var followsSpec) = Answer(operation, request, pathValues, body);
            if (followsSpec)
            {
                // The spec says nothing of how a request outside it is answered (list operations declare no 400).
                CheckResponse(operation, response);
            }
        }

        context.Response.StatusCode = response.Status;
        if (response.Status == 429 && _options.RetryAfterHeader)
        {
            context.Response.Headers.RetryAfter = Math.Ceiling(_options.ThrottleUnit.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        if (response.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(response.Body.ToJsonString(), context.RequestAborted);
        }

        RecordedRequest recorded = new(request.Method, path + request.QueryString, operation?.OperationId, response.Status, body.Length == 0 ? null : body);
        lock (_lock)
        {
            _requests.Add(recorded);
        }

        Answered?.Invoke(recorded);
    }

    private (DoubleResponse, bool FollowsSpec) Answer(ContractOperation operation, HttpRequest request, IReadOnlyDictionary<string, string> pathValues, string body)
    {
        if (_revoked || request.Headers.Authorization.ToString() != $"App {_options.ApiKey}")
        {
            return (DoubleResponse.Error(operation, 401, "Unauthorized"), true);
        }

        if (!_throttle.TryTake(operation))
        {
            return (DoubleResponse.Error(operation, 429, "Too many requests"), true);
        }

        if (TakeFault(operation) is int fault)
        {
            return (DoubleResponse.Error(operation, fault, "Injected fault"), true);
        }

        var query = request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString());
        (var json, var errors) = CheckRequest(operation, pathValues, query, body);
        if (errors.Count > 0)
        {
            Violate($"{operation.Endpoint}: request does not follow the spec: {string.Join("; ", errors.Select(error => $"{error.Key}: {string.Join(", ", error.Value)}"))}");
            return (DoubleResponse.Error(operation, 400, "Bad request", errors), false);
        }

        return (Account.Handle(new DoubleRequest(operation, pathValues, query, json)), true);
    }

    private (ContractOperation?, IReadOnlyDictionary<string, string>) Route(string method, string path)
    {
        foreach (var operation in _operations.Where(operation => operation.Method == method))
        {
            if (operation.PathPattern.Match(path) is { Success: true } match)
            {
                return (operation, match.Groups.Values.Where(group => group.Name != "0")
                    .ToDictionary(group => group.Name, group => Uri.UnescapeDataString(group.Value)));
            }
        }

        return (null, new Dictionary<string, string>());
    }

    private int? TakeFault(ContractOperation operation)
    {
        lock (_lock)
        {
            if (_faults.TryPeek(out var fault) && (fault.OperationId is null || fault.OperationId == operation.OperationId))
            {
                _faults.Dequeue();
                return fault.Status;
            }

            return null;
        }
    }

    // The request's parameters and body against the operation's declared parameters and request schema.
    private (JsonNode?, Dictionary<string, string[]>) CheckRequest(ContractOperation operation, IReadOnlyDictionary<string, string> pathValues, Dictionary<string, string> query, string body)
    {
        Dictionary<string, string[]> errors = [];
        List<JsonObject> parameters = [.. operation.Parameters];
        foreach (var name in query.Keys.Where(name => !parameters.Any(parameter => parameter["in"]!.GetValue<string>() == "query" && parameter["name"]!.GetValue<string>() == name)))
        {
            errors[name] = ["not a parameter of this operation"];
        }

        foreach (var parameter in parameters)
        {
            var name = parameter["name"]!.GetValue<string>();
            var value = parameter["in"]!.GetValue<string>() switch
            {
                "query" => query.GetValueOrDefault(name),
                "path" => pathValues.GetValueOrDefault(name),
                _ => null,
            };
            if (value is null)
            {
                if (parameter["required"]?.GetValue<bool>() == true)
                {
                    errors[name] = ["required"];
                }

                continue;
            }

            var schema = parameter["schema"]!;
            var isInteger = operation.Document.Resolve(schema)["type"]?.GetValue<string>() == "integer";
            var instance = isInteger && long.TryParse(value, CultureInfo.InvariantCulture, out var number)
                ? JsonSerializer.SerializeToElement(number)
                : JsonSerializer.SerializeToElement(value);
            AddErrors(errors, name, operation.Document.Validate(schema, instance));
        }

        JsonNode? json = null;
        if (operation.RequestSchema is JsonNode requestSchema)
        {
            if (body.Length == 0)
            {
                if (operation.RequestBodyRequired)
                {
                    errors["body"] = ["required"];
                }
            }
            else
            {
                try
                {
                    json = JsonNode.Parse(body);
                    AddErrors(errors, "body", operation.Document.Validate(requestSchema, JsonSerializer.SerializeToElement(json),
                        _options.AssociationEntityIdNullable ? AllowNullEntityId : null));
                }
                catch (JsonException exception)
                {
                    errors["body"] = [exception.Message];
                }
            }
        }
        else if (body.Length > 0)
        {
            errors["body"] = ["this operation takes no body"];
        }

        return (json, errors);
    }

    private void CheckResponse(ContractOperation operation, DoubleResponse response)
    {
        var errors = operation.CheckAnswer(response.Status, response.Body);
        if (errors.Count > 0)
        {
            Violate($"{operation.Endpoint}: {response.Status} answer does not follow the spec: {string.Join("; ", errors)}");
        }
    }

    private static void AddErrors(Dictionary<string, string[]> errors, string name, IReadOnlyList<string> found)
    {
        if (found.Count > 0)
        {
            errors[name] = [.. found];
        }
    }

    // The switchable reading of "set the entityId to null" (PlatformDoubleOptions.AssociationEntityIdNullable).
    private static void AllowNullEntityId(JsonObject schemas)
    {
        foreach ((_, var schema) in schemas.Where(pair => pair.Key.EndsWith(AssociationsRequest, StringComparison.Ordinal)).ToList())
        {
            schema!["properties"]!["entityId"]!["type"] = new JsonArray("string", "null");
        }
    }

    private void Violate(string violation)
    {
        lock (_lock)
        {
            _violations.Add(violation);
        }
    }
}
