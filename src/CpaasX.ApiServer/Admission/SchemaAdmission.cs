using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

using CpaasX.ApiServer.Errors;
using CpaasX.ApiServer.Resources;

namespace CpaasX.ApiServer.Admission;

/// <summary>
/// Admits a custom resource against its CRD's openAPIV3Schema as kube-apiserver does: unknown fields pruned (or refused
/// under fieldValidation=Strict), defaults applied, then the structural checks and the x-kubernetes-validations rules.
/// </summary>
internal sealed class SchemaAdmission(CelRuleEvaluator cel)
{
    private static readonly HashSet<string> TopLevelFields = ["apiVersion", "kind", "metadata"];

    /// <summary>Mutates <paramref name="obj"/> (pruning, defaults) and throws 400/422 when it is not admissible.</summary>
    /// <returns>Warnings for the client: rules this server could not evaluate.</returns>
    public IReadOnlyList<string> Admit(ResourceType type, JsonObject obj, JsonObject? old, bool strict)
    {
        if (type.Schema is not { } schema)
        {
            return [];
        }

        var walk = new Walk(strict, old is not null);
        walk.Visit(obj, old, schema, "", isRoot: true);
        if (walk.UnknownFields.Count > 0)
        {
            var fields = string.Join(", ", walk.UnknownFields.Select(f => $"unknown field \"{f}\""));
            throw ApiErrors.BadRequest($"strict decoding error: {fields}");
        }

        // Rules run only on values that passed the structural checks, as the real server skips CEL on invalid input.
        if (walk.Causes.Count == 0)
        {
            foreach (var (path, value, oldValue, rules) in walk.RuleSites)
            {
                walk.Causes.AddRange(EvaluateRules(path, value, oldValue, rules, walk.Warnings));
            }
        }

        if (walk.Causes.Count > 0)
        {
            throw ApiErrors.Invalid(type, obj["metadata"]?["name"]?.ToString() ?? "", walk.Causes);
        }

        return walk.Warnings;
    }

    private IEnumerable<FieldCause> EvaluateRules(string path, JsonNode? value, JsonNode? oldValue, JsonArray rules, List<string> warnings)
    {
        var self = CelValues.From(value);
        foreach (var rule in rules.OfType<JsonObject>())
        {
            var expression = rule["rule"]?.ToString() ?? "";
            if (CelRuleEvaluator.IsTransitionRule(expression) && oldValue is null)
            {
                continue;
            }

            var outcome = cel.Evaluate(expression, self, CelValues.From(oldValue));
            if (outcome.IsUnsupported)
            {
                warnings.Add($"x-kubernetes-validations rule at {Display(path)} not evaluated by this server: {expression} ({outcome.Error})");
            }
            else if (!outcome.Ok)
            {
                var field = Join(path, rule["fieldPath"]?.ToString()?.TrimStart('.'));
                var message = outcome.Error is { } error ? $"{expression}: {error}"
                    : rule["message"]?.ToString() ?? $"failed rule: {expression}";
                yield return new FieldCause("FieldValueInvalid", $"Invalid value: \"{TypeName(value)}\": {message}", Display(field));
            }
        }
    }

    private static string Join(string path, string? child) =>
        string.IsNullOrEmpty(child) ? path : path.Length == 0 ? child : $"{path}.{child}";

    private static string Display(string path) => path.Length == 0 ? "<root>" : path;

    private static string TypeName(JsonNode? value) => value switch
    {
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => "string",
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValue v when v.TryGetValue<long>(out _) => "integer",
        JsonValue => "number",
        _ => "null",
    };

    private static string Render(JsonNode? value) => value switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => $"\"{v.GetValue<string>()}\"",
        JsonValue v => v.ToJsonString(),
        null => "null",
        _ => $"\"{TypeName(value)}\"",
    };

    /// <summary>One pass over an object: collects causes, unknown fields, rule sites and warnings.</summary>
    private sealed class Walk(bool strict, bool isUpdate)
    {
        public List<FieldCause> Causes { get; } = [];
        public List<string> UnknownFields { get; } = [];
        public List<(string Path, JsonNode? Value, JsonNode? Old, JsonArray Rules)> RuleSites { get; } = [];
        public List<string> Warnings { get; } = [];

        public void Visit(JsonNode? value, JsonNode? old, JsonObject schema, string path, bool isRoot = false)
        {
            if (value is null)
            {
                if (schema["nullable"]?.GetValue<bool>() != true)
                {
                    Causes.Add(new FieldCause("FieldValueTypeInvalid", $"Invalid value: \"null\": {path} in body must be of type {schema["type"]}: \"null\"", path));
                }

                return;
            }

            if (!HasType(value, schema))
            {
                Causes.Add(new FieldCause("FieldValueTypeInvalid", $"Invalid value: \"{TypeName(value)}\": {path} in body must be of type {schema["type"]}: \"{TypeName(value)}\"", path));
                return;
            }

            switch (value)
            {
                case JsonObject obj:
                    VisitObject(obj, old as JsonObject, schema, path, isRoot);
                    break;
                case JsonArray array:
                    VisitArray(array, schema, path);
                    break;
                default:
                    CheckScalar((JsonValue)value, schema, path);
                    break;
            }

            if (schema["x-kubernetes-validations"] is JsonArray rules)
            {
                // With ratcheting, an unchanged value keeps passing even if its rules would now fail.
                if (!isUpdate || !JsonNode.DeepEquals(value, old))
                {
                    RuleSites.Add((path, value, old, rules));
                }
            }
        }

        private void VisitObject(JsonObject obj, JsonObject? old, JsonObject schema, string path, bool isRoot)
        {
            var properties = schema["properties"] as JsonObject;
            var additional = schema["additionalProperties"] as JsonObject;
            var keepsUnknown = schema["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true;

            foreach (var key in obj.Select(p => p.Key).ToList())
            {
                if (isRoot && TopLevelFields.Contains(key))
                {
                    continue;
                }

                var childPath = Child(path, key);
                if (properties?[key] is JsonObject propertySchema)
                {
                    Visit(obj[key], old?[key], propertySchema, childPath);
                }
                else if (additional is not null)
                {
                    Visit(obj[key], old?[key], additional, childPath);
                }
                else if (!keepsUnknown && (properties is not null || schema["type"]?.ToString() == "object"))
                {
                    if (strict)
                    {
                        UnknownFields.Add(childPath);
                    }

                    obj.Remove(key);
                }
            }

            if (properties is not null)
            {
                foreach (var (key, propertySchema) in properties)
                {
                    if (!obj.ContainsKey(key) && propertySchema?["default"] is { } defaultValue)
                    {
                        obj[key] = defaultValue.DeepClone();
                        Visit(obj[key], old?[key], (JsonObject)propertySchema, Child(path, key));
                    }
                }
            }

            foreach (var required in (schema["required"] as JsonArray ?? []).Select(r => r?.ToString() ?? ""))
            {
                if (!obj.ContainsKey(required))
                {
                    Causes.Add(new FieldCause("FieldValueRequired", "Required value", Child(path, required)));
                }
            }

            CheckCount(obj.Count, schema, "maxProperties", "minProperties", "properties", path);
        }

        private void VisitArray(JsonArray array, JsonObject schema, string path)
        {
            CheckCount(array.Count, schema, "maxItems", "minItems", "items", path);
            if (schema["items"] is JsonObject itemSchema)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    Visit(array[i], null, itemSchema, $"{path}[{i}]");
                }
            }
        }

        private void CheckCount(int count, JsonObject schema, string maxKey, string minKey, string noun, string path)
        {
            if (schema[maxKey]?.GetValue<long>() is { } max && count > max)
            {
                Causes.Add(new FieldCause("FieldValueTooMany", $"Too many: {count}: must have at most {max} {noun}", path));
            }

            if (schema[minKey]?.GetValue<long>() is { } min && count < min)
            {
                Causes.Add(new FieldCause("FieldValueInvalid", $"Invalid value: {count}: {path} in body should have at least {min} {noun}", path));
            }
        }

        private void CheckScalar(JsonValue value, JsonObject schema, string path)
        {
            if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
            {
                var supported = string.Join(", ", allowed.Select(Render));
                Causes.Add(new FieldCause("FieldValueNotSupported", $"Unsupported value: {Render(value)}: supported values: {supported}", path));
            }

            if (value.GetValueKind() == JsonValueKind.String)
            {
                var text = value.GetValue<string>();
                if (schema["maxLength"]?.GetValue<long>() is { } maxLength && text.Length > maxLength)
                {
                    Causes.Add(new FieldCause("FieldValueTooLong", $"Too long: may not be more than {maxLength} bytes", path));
                }

                if (schema["minLength"]?.GetValue<long>() is { } minLength && text.Length < minLength)
                {
                    Causes.Add(new FieldCause("FieldValueInvalid", $"Invalid value: {Render(value)}: {path} in body should be at least {minLength} chars long", path));
                }

                if (schema["pattern"]?.ToString() is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
                {
                    Causes.Add(new FieldCause("FieldValueInvalid", $"Invalid value: {Render(value)}: {path} in body should match '{pattern}'", path));
                }
            }
            else if (value.GetValueKind() == JsonValueKind.Number)
            {
                var number = value.GetValue<double>();
                if (schema["maximum"]?.GetValue<double>() is { } maximum && number > maximum)
                {
                    Causes.Add(new FieldCause("FieldValueInvalid", $"Invalid value: {Render(value)}: {path} in body should be less than or equal to {maximum.ToString(CultureInfo.InvariantCulture)}", path));
                }

                if (schema["minimum"]?.GetValue<double>() is { } minimum && number < minimum)
                {
                    Causes.Add(new FieldCause("FieldValueInvalid", $"Invalid value: {Render(value)}: {path} in body should be greater than or equal to {minimum.ToString(CultureInfo.InvariantCulture)}", path));
                }
            }
        }

        private static bool HasType(JsonNode value, JsonObject schema)
        {
            var kind = value.GetValueKind();
            if (schema["x-kubernetes-int-or-string"]?.GetValue<bool>() == true)
            {
                return kind == JsonValueKind.String || (value is JsonValue v && v.TryGetValue<long>(out _));
            }

            return schema["type"]?.ToString() switch
            {
                "object" => kind == JsonValueKind.Object,
                "array" => kind == JsonValueKind.Array,
                "string" => kind == JsonValueKind.String,
                "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
                "integer" => kind == JsonValueKind.Number && IsIntegral(value),
                "number" => kind == JsonValueKind.Number,
                _ => true,
            };
        }

        private static bool IsIntegral(JsonNode value) => value.AsValue().TryGetValue<long>(out _);

        private static string Child(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
    }
}
