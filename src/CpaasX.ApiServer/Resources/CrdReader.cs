using System.Text.Json.Nodes;

using CpaasX.ApiServer.Errors;

namespace CpaasX.ApiServer.Resources;

/// <summary>Reads a CustomResourceDefinition into the resource types it serves, and writes the status a real server gives it.</summary>
internal static class CrdReader
{
    public static IReadOnlyList<ResourceType> ServedTypes(JsonObject crd)
    {
        var spec = crd["spec"] as JsonObject ?? throw Invalid(crd, "spec", "Required value");
        var group = Text(spec, "group") ?? throw Invalid(crd, "spec.group", "Required value");
        var names = spec["names"] as JsonObject ?? throw Invalid(crd, "spec.names", "Required value");
        var plural = Text(names, "plural") ?? throw Invalid(crd, "spec.names.plural", "Required value");
        var kind = Text(names, "kind") ?? throw Invalid(crd, "spec.names.kind", "Required value");
        var name = crd["metadata"]?["name"]?.GetValue<string>();
        if (name != $"{plural}.{group}")
        {
            throw Invalid(crd, "metadata.name", $"Invalid value: \"{name}\": must be spec.names.plural+\".\"+spec.group");
        }

        var namespaced = Text(spec, "scope") != "Cluster";
        var versions = spec["versions"] as JsonArray ?? throw Invalid(crd, "spec.versions", "Required value");
        var served = new List<ResourceType>();
        foreach (var version in versions.OfType<JsonObject>())
        {
            if (version["served"]?.GetValue<bool>() == false)
            {
                continue;
            }

            served.Add(new ResourceType
            {
                Group = group,
                Version = Text(version, "name") ?? throw Invalid(crd, "spec.versions.name", "Required value"),
                Plural = plural,
                Singular = Text(names, "singular") ?? kind.ToLowerInvariant(),
                Kind = kind,
                Namespaced = namespaced,
                ShortNames = Strings(names["shortNames"]),
                Categories = Strings(names["categories"]),
                HasStatusSubresource = version["subresources"]?["status"] is not null,
                TracksGeneration = true,
                IsCustom = true,
                PrinterColumns = [.. (version["additionalPrinterColumns"] as JsonArray ?? []).OfType<JsonObject>().Select(ReadColumn)],
                SelectableFields = [.. (version["selectableFields"] as JsonArray ?? []).OfType<JsonObject>()
                    .Select(field => (Text(field, "jsonPath") ?? "").TrimStart('.'))],
                Schema = version["schema"]?["openAPIV3Schema"] as JsonObject,
            });
        }

        return served;
    }

    /// <summary>A CRD is accepted and established at once: there is no controller to wait for.</summary>
    public static JsonObject EstablishedStatus(JsonObject crd, string now)
    {
        var names = crd["spec"]!["names"]!.DeepClone();
        var storedVersions = new JsonArray(((JsonArray)crd["spec"]!["versions"]!).OfType<JsonObject>()
            .Where(v => v["storage"]?.GetValue<bool>() == true).Select(v => (JsonNode?)JsonValue.Create(Text(v, "name"))).ToArray());
        return new JsonObject
        {
            ["acceptedNames"] = names,
            ["conditions"] = new JsonArray(
                Condition("NamesAccepted", "NoConflicts", "no conflicts found", now),
                Condition("Established", "InitialNamesAccepted", "the initial names have been accepted", now)),
            ["storedVersions"] = storedVersions,
        };
    }

    private static JsonObject Condition(string type, string reason, string message, string now) => new()
    {
        ["type"] = type,
        ["status"] = "True",
        ["lastTransitionTime"] = now,
        ["reason"] = reason,
        ["message"] = message,
    };

    private static PrinterColumn ReadColumn(JsonObject column) => new(
        Text(column, "name") ?? "",
        Text(column, "type") ?? "string",
        Text(column, "jsonPath") ?? "",
        Text(column, "description") ?? "",
        column["priority"]?.GetValue<int>() ?? 0);

    private static string? Text(JsonObject node, string key) => node[key] is JsonValue value ? value.ToString() : null;

    private static string[] Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(item => item?.ToString() ?? "")] : [];

    private static ApiException Invalid(JsonObject crd, string field, string message) =>
        ApiErrors.Invalid(BuiltInResources.CustomResourceDefinitions, crd["metadata"]?["name"]?.ToString() ?? "",
            [new FieldCause("FieldValueInvalid", message, field)]);
}
