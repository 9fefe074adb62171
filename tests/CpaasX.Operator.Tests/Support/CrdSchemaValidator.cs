using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

using Cel;

using CpaasX.Operator.Api.Schema;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Api.Validation;

using Json.Schema;

using k8s;
using k8s.Models;

namespace CpaasX.Operator.Tests.Support;

/// <summary>
/// Validates a manifest the way the API server would with the committed CRD: its openAPIV3Schema as JSON Schema
/// (JsonSchema.Net; the x-kubernetes-* and nullable keywords are dropped because they are not JSON Schema), then
/// every x-kubernetes-validations CEL rule (Cel) on the defaulted object. Independent of the C# validator on purpose.
/// </summary>
internal static partial class CrdSchemaValidator
{
    private static readonly ConcurrentDictionary<string, (V1JSONSchemaProps Props, JsonSchema Schema)> Schemas = new();
    private static readonly CelEnvironment Cel = new(null, null);

    public static V1CustomResourceDefinition LoadCrd(CustomResourceKind kind) =>
        KubernetesYaml.Deserialize<V1CustomResourceDefinition>(File.ReadAllText(RepositoryRoot.Combine("config", "crds", CrdGenerator.FileName(kind))));

    public static IReadOnlyList<ValidationError> Validate(JsonObject manifest)
    {
        var kind = CustomResourceKinds.Find(manifest["apiVersion"]!.GetValue<string>(), manifest["kind"]!.GetValue<string>())
            ?? throw new ArgumentException("Not a cpaasx.io kind.", nameof(manifest));
        (var props, var schema) = Schemas.GetOrAdd(kind.Kind, _ => Load(kind));

        List<ValidationError> errors = [];
        var results = schema.Evaluate(JsonSerializer.SerializeToElement(manifest), new EvaluationOptions { OutputFormat = OutputFormat.List });
        foreach (var detail in (results.Details ?? []).Where(detail => detail.Errors is not null))
        {
            var path = ToPath(detail.InstanceLocation.ToString());
            foreach ((var keyword, var message) in detail.Errors!)
            {
                errors.AddRange(keyword == "required"
                    ? QuotedName().Matches(message).Select(match => new ValidationError(Join(path, match.Groups[1].Value), "Required value"))
                    : [new ValidationError(path, $"{keyword}: {message}")]);
            }
        }

        CheckRules(errors, props, manifest.DeepClone(), "");
        return errors;
    }

    private static (V1JSONSchemaProps, JsonSchema) Load(CustomResourceKind kind)
    {
        var props = LoadCrd(kind).Spec.Versions.Single().Schema.OpenAPIV3Schema;
        var json = JsonNode.Parse(KubernetesJson.Serialize(props))!;
        DropKubernetesKeywords(json);
        return (props, JsonSchema.FromText(json.ToJsonString(), new BuildOptions { Dialect = Dialect.Draft07 }));
    }

    // Removes the structural-schema extensions from schema nodes (not from the names under "properties").
    private static void DropKubernetesKeywords(JsonNode node)
    {
        if (node is JsonObject schema)
        {
            foreach (var key in schema.Select(pair => pair.Key).Where(key => key.StartsWith("x-kubernetes-", StringComparison.Ordinal) || key == "nullable").ToList())
            {
                schema.Remove(key);
            }

            if (schema["properties"] is JsonObject properties)
            {
                foreach ((_, var property) in properties)
                {
                    DropKubernetesKeywords(property!);
                }
            }

            if (schema["items"] is JsonNode items)
            {
                DropKubernetesKeywords(items);
            }
        }
    }

    // Walks the schema alongside the object, applying defaults first as the API server does, then the CEL rules.
    private static void CheckRules(List<ValidationError> errors, V1JSONSchemaProps schema, JsonNode? node, string path)
    {
        if (node is JsonObject json && schema.Properties is not null)
        {
            foreach ((var name, var property) in schema.Properties)
            {
                if (!json.ContainsKey(name) && property.DefaultProperty is not null)
                {
                    json[name] = JsonSerializer.SerializeToNode(property.DefaultProperty);
                }

                if (json[name] is JsonNode child)
                {
                    CheckRules(errors, property, child, Join(path, name));
                }
            }
        }

        if (node is JsonArray array && SchemaItems.Of(schema) is V1JSONSchemaProps items)
        {
            for (var index = 0; index < array.Count; index++)
            {
                CheckRules(errors, items, array[index], $"{path}[{index}]");
            }
        }

        foreach (var rule in schema.XKubernetesValidations ?? [])
        {
            try
            {
                var result = Cel.Compile(rule.Rule)(new Dictionary<string, object?> { ["self"] = ToCel(node) }!);
                if (result is not true)
                {
                    errors.Add(new ValidationError(path + (rule.FieldPath ?? ""), rule.Message ?? $"failed rule: {rule.Rule}"));
                }
            }
            catch (CelException exception)
            {
                // The API server reports a rule that cannot be evaluated (a required field is missing) as invalid too.
                errors.Add(new ValidationError(path, $"rule {rule.Rule} could not be evaluated: {exception.Message}"));
            }
        }
    }

    private static object? ToCel(JsonNode? node) => node switch
    {
        JsonObject json => json.ToDictionary(pair => pair.Key, pair => ToCel(pair.Value)),
        JsonArray array => array.Select(ToCel).ToList(),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.GetValue<long>(),
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        _ => null,
    };

    // "/spec/priorities/1/priority" -> "spec.priorities[1].priority"
    private static string ToPath(string pointer) =>
        pointer.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Aggregate("", (path, segment) => int.TryParse(segment, out var index) ? $"{path}[{index}]" : Join(path, segment));

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex QuotedName();
}
