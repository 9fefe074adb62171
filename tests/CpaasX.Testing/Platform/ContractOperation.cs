using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CpaasX.Testing.Platform;

/// <summary>One operation of a published OpenAPI description: its route, parameters, bodies and throttling.</summary>
public sealed class ContractOperation
{
    internal ContractOperation(OpenApiDocument document, string method, string template, JsonObject operation)
    {
        Document = document;
        Method = method;
        Template = template;
        OperationId = operation["operationId"]!.GetValue<string>();
        Operation = operation;
        PathPattern = new Regex("^" + Regex.Replace(Regex.Escape(template), @"\\\{(\w+)}", "(?<$1>[^/]+)") + "$");
        Throttle = operation["x-throttling-info"] is JsonArray { Count: > 0 } throttling ? ThrottleRule.From((JsonObject)throttling[0]!) : null;
    }

    public OpenApiDocument Document { get; }

    public string Method { get; }

    public string Template { get; }

    public string OperationId { get; }

    /// <summary>The endpoint as the throttling counts it: method and path template.</summary>
    public string Endpoint => $"{Method} {Template}";

    public ThrottleRule? Throttle { get; }

    internal JsonObject Operation { get; }

    internal Regex PathPattern { get; }

    /// <summary>The declared parameters (query and path), references resolved.</summary>
    internal IEnumerable<JsonObject> Parameters =>
        (Operation["parameters"] as JsonArray ?? []).Select(parameter => (JsonObject)Document.Resolve(parameter!));

    /// <summary>The request body's JSON schema, or null when the operation takes no body.</summary>
    internal JsonNode? RequestSchema => Operation["requestBody"] is JsonNode body
        ? Document.Resolve(body)["content"]?["application/json"]?["schema"]
        : null;

    internal bool RequestBodyRequired => Operation["requestBody"] is JsonNode body && Document.Resolve(body)["required"]?.GetValue<bool>() == true;

    /// <summary>Whether the spec declares <paramref name="status"/> for this operation.</summary>
    internal bool Declares(int status) => Response(status) is not null;

    /// <summary>The JSON schema of a <paramref name="status"/> response, or null when it declares no JSON body.</summary>
    internal JsonNode? ResponseSchema(int status) =>
        Response(status) is JsonNode response
            ? Document.Resolve(response)["content"]?["application/json"]?["schema"]
            : null;

    // A throttled operation that declares no 429 (the inbound configuration list) is assumed to answer it as the
    // document's other operations do, with the document's shared ApiException429.
    private JsonNode? Response(int status) =>
        Operation["responses"]![status.ToString(System.Globalization.CultureInfo.InvariantCulture)]
        ?? (status == 429 && Throttle is not null ? Document.SharedResponse("ApiException429") : null);

    /// <summary>How an answer departs from the spec: an undeclared status, a body outside the schema, an unexpected body.</summary>
    public IReadOnlyList<string> CheckAnswer(int status, JsonNode? body)
    {
        if (!Declares(status))
        {
            return [$"status {status} is not declared"];
        }

        if (ResponseSchema(status) is JsonNode schema)
        {
            return body is null ? ["no body where the spec declares one"] : Document.Validate(schema, System.Text.Json.JsonSerializer.SerializeToElement(body));
        }

        return body is null ? [] : ["a body where the spec declares none"];
    }
}
