using System.Globalization;
using System.Text.Json.Nodes;

using CpaasX.ApiServer.Resources;
using CpaasX.ApiServer.Storage;

using Microsoft.AspNetCore.Http;

namespace CpaasX.ApiServer.Handlers;

/// <summary>The meta.k8s.io Table form that <c>kubectl get</c> asks for, with a CRD's printer columns and an Age.</summary>
internal static class TableWriter
{
    public static bool IsWanted(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("as=Table", StringComparison.Ordinal);

    public static JsonObject Table(ResourceType type, IReadOnlyList<StoredObject> items, long resourceVersion, string? next)
    {
        // As kube-apiserver does: a CRD without printer columns gets an Age column.
        var columns = type.PrinterColumns.Count > 0
            ? type.PrinterColumns
            : [new PrinterColumn("Age", "date", ".metadata.creationTimestamp", "", 0)];
        var definitions = new JsonArray(Definition("Name", "string", "name", "Name must be unique within a namespace.", 0));
        foreach (var column in columns)
        {
            definitions.Add(Definition(column.Name, column.Type, "", column.Description, column.Priority));
        }

        var metadata = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture) };
        if (next is not null)
        {
            metadata["continue"] = next;
        }

        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = metadata,
            ["columnDefinitions"] = definitions,
            ["rows"] = new JsonArray([.. items.Select(item => (JsonNode)Row(item, columns))]),
        };
    }

    private static JsonObject Row(StoredObject item, IReadOnlyList<PrinterColumn> columns)
    {
        var cells = new JsonArray(item.Name);
        foreach (var column in columns)
        {
            var value = ColumnPath.Evaluate(item.Value, column.JsonPath);
            cells.Add(column.Type == "date" && value is not null ? Age(value.ToString()) : value?.DeepClone());
        }

        return new JsonObject
        {
            ["cells"] = cells,
            ["object"] = PartialObjectMetadataForm.Of(item),
        };
    }

    private static JsonObject Definition(string name, string type, string format, string description, int priority) => new()
    {
        ["name"] = name,
        ["type"] = type,
        ["format"] = format,
        ["description"] = description,
        ["priority"] = priority,
    };

    /// <summary>A short age in kubectl's style: 42s, 5m, 3h, 2d.</summary>
    private static string Age(string timestamp)
    {
        if (!DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
        {
            return "<invalid>";
        }

        var age = DateTimeOffset.UtcNow - since;
        return age.TotalSeconds < 120 ? $"{Math.Max(0, (int)age.TotalSeconds)}s"
            : age.TotalMinutes < 120 ? $"{(int)age.TotalMinutes}m"
            : age.TotalHours < 48 ? $"{(int)age.TotalHours}h"
            : $"{(int)age.TotalDays}d";
    }
}
