using System.Text.Json;
using System.Text.Json.Nodes;

namespace CpaasX.ApiServer.Storage;

/// <summary>
/// An object as stored at one resourceVersion. Never mutated once built: its JSON is serialised once here and shared
/// by every reader and watcher; writers work on <see cref="CloneValue"/>.
/// </summary>
internal sealed class StoredObject
{
    private StoredObject(string ns, string name, long resourceVersion, JsonObject value, byte[] json)
    {
        Namespace = ns;
        Name = name;
        ResourceVersion = resourceVersion;
        Value = value;
        Json = json;
    }

    public string Namespace { get; }
    public string Name { get; }
    public long ResourceVersion { get; }
    public JsonObject Value { get; }
    public byte[] Json { get; }

    public string Key => KeyOf(Namespace, Name);

    public JsonObject Metadata => (JsonObject)Value["metadata"]!;

    public static string KeyOf(string ns, string name) => $"{ns}/{name}";

    /// <summary>Stamps <paramref name="value"/> with <paramref name="resourceVersion"/>.</summary>
    public static StoredObject Seal(JsonObject value, long resourceVersion)
    {
        var metadata = (JsonObject)value["metadata"]!;
        metadata["resourceVersion"] = resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var ns = metadata["namespace"]?.GetValue<string>() ?? "";
        var name = metadata["name"]!.GetValue<string>();
        var json = JsonSerializer.SerializeToUtf8Bytes(value);

        // Re-read so the stored tree shares nothing with the caller's and holds only JSON-typed values (a number set as int reads as long).
        return new StoredObject(ns, name, resourceVersion, JsonNode.Parse(json)!.AsObject(), json);
    }

    public JsonObject CloneValue() => JsonNode.Parse(Json)!.AsObject();

    public IReadOnlyDictionary<string, string> Labels() =>
        Metadata["labels"] is JsonObject labels
            ? labels.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
}
