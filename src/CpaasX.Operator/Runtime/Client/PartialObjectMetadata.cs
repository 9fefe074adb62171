using System.Text.Json.Serialization;

using k8s;
using k8s.Models;

namespace CpaasX.Operator.Runtime.Client;

/// <summary>
/// An object as a metadata-only list or watch returns it (meta.k8s.io/v1 PartialObjectMetadata): its metadata, none
/// of its content. An informer of these holds names, labels, annotations and resourceVersions, not payloads.
/// </summary>
public sealed class PartialObjectMetadata : IKubernetesObject<V1ObjectMeta>
{
    public const string ApiGroupVersion = "meta.k8s.io/v1";
    public const string ObjectKind = "PartialObjectMetadata";

    /// <summary>What a client asks a list for to get <c>PartialObjectMetadataList</c> instead of the objects.</summary>
    public const string ListAccept = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1";

    /// <summary>What a client asks a watch for to get each event's object as <c>PartialObjectMetadata</c>.</summary>
    public const string WatchAccept = "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = ApiGroupVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = ObjectKind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();
}
