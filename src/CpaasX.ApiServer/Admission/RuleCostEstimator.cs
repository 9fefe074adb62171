using System.Globalization;
using System.Text.Json.Nodes;

using CpaasX.ApiServer.Errors;
using CpaasX.ApiServer.Resources;

namespace CpaasX.ApiServer.Admission;

/// <summary>
/// The cost limit of x-kubernetes-validations rules, checked when a CRD is written, as kube-apiserver refuses a rule
/// whose estimated cost exceeds its budget. The estimate is coarser than the real one: a rule costs the largest
/// collection under its schema node (maxItems or maxProperties, or as many elements as a 3 MiB request can hold when
/// unbounded) raised to the nesting depth of its comprehensions (all, exists, exists_one, map, filter). One
/// comprehension over an unbounded list passes; a comprehension inside another over an unbounded list does not, unless
/// the schema bounds it.
/// </summary>
internal static class RuleCostEstimator
{
    /// <summary>kube-apiserver's StaticEstimatedCostLimit for one rule.</summary>
    public const double CostLimit = 10_000_000;

    /// <summary>Elements of an unbounded list: a 3 MiB request of the smallest elements (two bytes each, as "0,").</summary>
    public const double UnboundedElements = 3 * 1024 * 1024 / 2;

    private static readonly string[] Macros = ["all(", "exists(", "exists_one(", "map(", "filter("];

    /// <summary>Throws 422 Invalid naming each rule over the limit, in kube-apiserver's wording.</summary>
    public static void Check(ResourceType crdType, JsonObject crd)
    {
        var causes = new List<FieldCause>();
        foreach (var version in (crd["spec"]?["versions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (version["schema"]?["openAPIV3Schema"] is JsonObject schema)
            {
                Walk(schema, "spec.validation.openAPIV3Schema", causes);
            }
        }

        if (causes.Count > 0)
        {
            throw ApiErrors.Invalid(crdType, crd["metadata"]?["name"]?.ToString() ?? "", causes);
        }
    }

    private static void Walk(JsonObject schema, string path, List<FieldCause> causes)
    {
        foreach (var (rule, index) in (schema["x-kubernetes-validations"] as JsonArray ?? []).OfType<JsonObject>().Select((rule, index) => (rule, index)))
        {
            var cost = Math.Pow(LargestCollection(schema), ComprehensionDepth(rule["rule"]?.ToString() ?? ""));
            if (cost > CostLimit)
            {
                causes.Add(new FieldCause(
                    "FieldValueForbidden",
                    string.Create(CultureInfo.InvariantCulture, $"Forbidden: estimated rule cost exceeds budget by factor of {cost / CostLimit:0.#}x (try simplifying the rule, or adding maxItems, maxProperties, and maxLength where arrays, maps, and strings are declared)"),
                    $"{path}.x-kubernetes-validations[{index}].rule"));
            }
        }

        foreach (var (name, child) in (schema["properties"] as JsonObject ?? []).Where(p => p.Value is JsonObject))
        {
            Walk((JsonObject)child!, $"{path}.properties[{name}]", causes);
        }

        if (schema["items"] is JsonObject items)
        {
            Walk(items, $"{path}.items", causes);
        }

        if (schema["additionalProperties"] is JsonObject values)
        {
            Walk(values, $"{path}.additionalProperties", causes);
        }
    }

    /// <summary>The most elements any list or map at or under <paramref name="schema"/> may hold (1 when there is none).</summary>
    private static double LargestCollection(JsonObject schema)
    {
        var own = schema["type"]?.ToString() switch
        {
            "array" => Bound(schema["maxItems"]),
            "object" when schema["additionalProperties"] is JsonObject => Bound(schema["maxProperties"]),
            _ => 1,
        };
        var children = (schema["properties"] as JsonObject ?? []).Select(p => p.Value).Append(schema["items"]).Append(schema["additionalProperties"])
            .OfType<JsonObject>().Select(LargestCollection);
        return children.Append(own).Max();
    }

    private static double Bound(JsonNode? max) => max is JsonValue value && value.TryGetValue<long>(out var bound) ? bound : UnboundedElements;

    /// <summary>How deeply comprehension macros nest in <paramref name="rule"/> (string literals skipped).</summary>
    private static int ComprehensionDepth(string rule)
    {
        var open = new Stack<bool>(); // per open parenthesis: does it start a comprehension?
        int depth = 0, deepest = 0;
        for (var i = 0; i < rule.Length; i++)
        {
            switch (rule[i])
            {
                case '\'' or '"':
                    var quote = rule[i];
                    for (i++; i < rule.Length && rule[i] != quote; i++)
                    {
                        i += rule[i] == '\\' ? 1 : 0;
                    }

                    break;
                case '(':
                    var macro = i > 0 && rule[..(i + 1)] is var head && Macros.Any(m => head.EndsWith("." + m, StringComparison.Ordinal));
                    open.Push(macro);
                    depth += macro ? 1 : 0;
                    deepest = Math.Max(deepest, depth);
                    break;
                case ')' when open.Count > 0:
                    depth -= open.Pop() ? 1 : 0;
                    break;
            }
        }

        return deepest;
    }
}
