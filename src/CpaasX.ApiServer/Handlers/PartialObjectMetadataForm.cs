using System.Text.Json;
using System.Text.Json.Nodes;

using CpaasX.ApiServer.Storage;

using Microsoft.AspNetCore.Http;

namespace CpaasX.ApiServer.Handlers;

/// <summary>
/// The metadata-only form a client asks for with <c>Accept: application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1</c>
/// (a list) or <c>as=PartialObjectMetadata</c> (a get or a watch), as kube-apiserver serves it: each object as
/// <c>{"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1","metadata":…}</c>, a list as
/// <c>PartialObjectMetadataList</c> of those, a watch event's object (and a bookmark's) as one of those.
/// </summary>
internal static class PartialObjectMetadataForm
{
    public const string ApiVersion = "meta.k8s.io/v1";
    public const string Kind = "PartialObjectMetadata";
    public const string ListKind = "PartialObjectMetadataList";

    /// <summary>True when the request asks for the metadata-only form (of an object, a list or a watch's objects).</summary>
    public static bool IsWanted(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("as=" + Kind, StringComparison.Ordinal);

    public static JsonObject Of(StoredObject item) => new()
    {
        ["kind"] = Kind,
        ["apiVersion"] = ApiVersion,
        ["metadata"] = item.Metadata.DeepClone(),
    };

    public static byte[] BytesOf(StoredObject item) => JsonSerializer.SerializeToUtf8Bytes(Of(item));
}
