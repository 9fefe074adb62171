using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

using Json.Schema;

namespace CpaasX.Testing.Platform;

/// <summary>
/// A published OpenAPI 3.1 description, loaded verbatim: its operations, and its schemas as JSON Schema
/// (JsonSchema.Net) so that requests and responses can be checked against exactly what the platform publishes.
/// </summary>
public sealed class OpenApiDocument
{
    private const string ComponentSchemas = "#/components/schemas/";
    private readonly JsonObject _root;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new();

    private OpenApiDocument(string name, JsonObject root)
    {
        Name = name;
        _root = root;
        Version = root["info"]!["version"]!.GetValue<string>();
        Operations = [.. ((JsonObject)root["paths"]!).SelectMany(path => ((JsonObject)path.Value!)
            .Where(method => method.Key != "parameters")
            .Select(method => new ContractOperation(this, method.Key.ToUpperInvariant(), path.Key, (JsonObject)method.Value!)))];
    }

    public string Name { get; }

    public string Version { get; }

    public IReadOnlyList<ContractOperation> Operations { get; }

    /// <summary>The description shipped with this library under <paramref name="name"/> (e.g. application-entity.json).</summary>
    public static OpenApiDocument Load(string name)
    {
        using var stream = typeof(OpenApiDocument).Assembly.GetManifestResourceStream(name)
            ?? throw new ArgumentException($"No OpenAPI description named {name}.", nameof(name));
        return new OpenApiDocument(name, (JsonObject)JsonNode.Parse(stream)!);
    }

    /// <summary>A response of <c>components/responses</c> by name, or null when the document has none of that name.</summary>
    internal JsonNode? SharedResponse(string name) => _root["components"]?["responses"]?[name];

    /// <summary>Follows a local <c>$ref</c> (a response, a parameter) to the object it names.</summary>
    internal JsonNode Resolve(JsonNode node)
    {
        while (node["$ref"]?.GetValue<string>() is string reference && !reference.StartsWith(ComponentSchemas, StringComparison.Ordinal))
        {
            node = reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries)
                .Aggregate((JsonNode)_root, (current, segment) => current[segment] ?? throw new InvalidOperationException($"{Name}: unresolved {reference}"));
        }

        return node;
    }

    /// <summary>
    /// Evaluates <paramref name="instance"/> against <paramref name="schema"/> (a node of this document); returns the
    /// errors as "location: keyword: message", none when it is valid.
    /// </summary>
    internal IReadOnlyList<string> Validate(JsonNode schema, JsonElement instance, Action<JsonObject>? adjust = null)
    {
        var text = schema.ToJsonString();
        var compiled = _schemas.GetOrAdd(text + (adjust?.Method.Name ?? ""), _ => Compile(schema, adjust));
        var results = compiled.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(detail => detail.Errors is not null)
                .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Key}: {error.Value}"))];
    }

    // A standalone JSON Schema: the node itself, with every component schema under $defs and the references rewritten.
    private JsonSchema Compile(JsonNode schema, Action<JsonObject>? adjust)
    {
        var definitions = (JsonObject)_root["components"]!["schemas"]!.DeepClone();
        adjust?.Invoke(definitions);
        JsonObject standalone = new()
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["allOf"] = new JsonArray(schema.DeepClone()),
            ["$defs"] = definitions,
        };
        RewriteReferences(standalone);
        return JsonSchema.FromText(standalone.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    private static void RewriteReferences(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject json:
                if (json["$ref"]?.GetValue<string>() is string reference && reference.StartsWith(ComponentSchemas, StringComparison.Ordinal))
                {
                    json["$ref"] = "#/$defs/" + reference[ComponentSchemas.Length..];
                }

                foreach ((_, var child) in json.ToList())
                {
                    RewriteReferences(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    RewriteReferences(child);
                }

                break;
        }
    }
}
