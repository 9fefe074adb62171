using System.Text.Json.Nodes;

using k8s;
using k8s.Models;

namespace CpaasX.Operator.Runtime.Client;

/// <summary>
/// A tombstone-like stand-in for an object the typed model cannot decode (an enum value it does not know, a string where
/// a number belongs, a number out of range): what identifies it, its resourceVersion, and where and why decoding failed.
/// Its informer keeps it apart from the typed objects, so one such object never stalls a list or a watch.
/// </summary>
/// <param name="Path">The JSON path of the value that failed, e.g. <c>$.spec.type</c>; <c>$</c> when unknown.</param>
/// <param name="Value">That value as JSON text (shortened); null when it could not be located.</param>
/// <param name="Error">The decoder's message.</param>
/// <param name="Status">The object's status as stored, as raw JSON: what it says about itself now.</param>
public sealed record UndecodableObject(
    string ApiVersion,
    string Kind,
    V1ObjectMeta Metadata,
    string Path,
    string? Value,
    string Error,
    JsonObject? Status) : IKubernetesObject<V1ObjectMeta>
{
    private const int MaxValueLength = 100;

    string IKubernetesObject.ApiVersion { get => ApiVersion; set => throw new NotSupportedException(); }

    string IKubernetesObject.Kind { get => Kind; set => throw new NotSupportedException(); }

    V1ObjectMeta IMetadata<V1ObjectMeta>.Metadata { get => Metadata; set => throw new NotSupportedException(); }

    /// <summary>Where and why decoding failed, in one line: <c>$.spec.type = "SATELLITE": …</c>.</summary>
    public string Problem => Value is null ? $"{Path}: {Error}" : $"{Path} = {Value}: {Error}";

    /// <summary>
    /// The stand-in for <paramref name="raw"/>, which failed to decode with <paramref name="error"/>; null when even its
    /// name cannot be read, so there is nothing to identify it by.
    /// </summary>
    public static UndecodableObject? Of(JsonNode? raw, Exception error)
    {
        if (raw is not JsonObject item || item["metadata"] is not JsonObject metadata || Text(metadata["name"]) is not { Length: > 0 } name)
        {
            return null;
        }

        var path = (error as System.Text.Json.JsonException)?.Path ?? "$";
        return new UndecodableObject(
            Text(item["apiVersion"]) ?? string.Empty,
            Text(item["kind"]) ?? string.Empty,
            new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = Text(metadata["namespace"]),
                ResourceVersion = Text(metadata["resourceVersion"]),
                Uid = Text(metadata["uid"]),
                Generation = metadata["generation"] is JsonValue generation && generation.TryGetValue(out long number) ? number : null,
            },
            path,
            Shorten(JsonPathValue.Find(item, path)?.ToJsonString()),
            FirstSentence(error.Message),
            item["status"]?.DeepClone() as JsonObject);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    private static string? Shorten(string? json) => json is null || json.Length <= MaxValueLength ? json : json[..MaxValueLength] + "…";

    // System.Text.Json appends " Path: … | LineNumber: … | BytePositionInLine: …": the path is reported on its own.
    private static string FirstSentence(string message) =>
        message.IndexOf(" Path: ", StringComparison.Ordinal) is var cut and > 0 ? message[..cut] : message;
}
