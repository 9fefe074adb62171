using System.IO.Compression;

using CpaasX.Routing.Table;

namespace CpaasX.Operator.Writing;

/// <summary>
/// A namespace's routing table in the form it is stored: <c>routing.json</c> under <c>data</c> while it fits
/// <see cref="MaxBytes"/>; beyond, gzipped under <c>binaryData</c> as <c>routing.json.gz</c>; and when even the gzip
/// does not fit, the gzip cut into <see cref="Shards"/> of at most <see cref="MaxBytes"/> each (up to
/// <see cref="MaxShards"/>), published as separate ConfigMaps behind an index. <see cref="Hash"/> is the content hash
/// of the plain JSON in every form.
/// </summary>
public sealed record RoutingPayload(string Hash, int JsonBytes, string? Json, byte[]? Gzip, IReadOnlyList<byte[]>? Shards)
{
    public const string JsonKey = RoutingTableFiles.Json;
    public const string GzipKey = RoutingTableFiles.Gzip;
    public const string IndexKey = RoutingTableFiles.Index;

    /// <summary>
    /// A ConfigMap may hold 1 MiB in total; 900 KiB leaves room for the metadata, annotations and the
    /// base64 framing of the API's JSON.
    /// </summary>
    public const int MaxBytes = 900 * 1024;

    /// <summary>
    /// The most shards a table is cut into (about 28 MiB of gzip): a Pod that mounts the table lists every shard
    /// ConfigMap by name, so the count must have a known bound (docs/consuming-routing.md).
    /// </summary>
    public const int MaxShards = 32;

    /// <summary>The size of what is stored: the JSON, the gzip, or the shards together.</summary>
    public int StoredBytes => Json is not null ? System.Text.Encoding.UTF8.GetByteCount(Json) : Gzip?.Length ?? Shards!.Sum(shard => shard.Length);

    /// <summary>True when the table is small enough to be stored as plain <c>routing.json</c>.</summary>
    public static bool FitsPlain(byte[] routingJson) => routingJson.Length <= MaxBytes;

    /// <summary>The payload for <paramref name="routingJson"/> (of content hash <paramref name="hash"/>), or null when even sharded it exceeds <paramref name="maxShards"/> shards.</summary>
    public static RoutingPayload? Encode(byte[] routingJson, string hash, int maxShards = MaxShards)
    {
        if (FitsPlain(routingJson))
        {
            return new RoutingPayload(hash, routingJson.Length, System.Text.Encoding.UTF8.GetString(routingJson), null, null);
        }

        var gzip = Compress(routingJson);
        if (gzip.Length <= MaxBytes)
        {
            return new RoutingPayload(hash, routingJson.Length, null, gzip, null);
        }

        return gzip.Length <= (long)MaxBytes * maxShards
            ? new RoutingPayload(hash, routingJson.Length, null, null, [.. gzip.Chunk(MaxBytes)])
            : null;
    }

    /// <summary>What a ConfigMap stores of its table: routing.json's bytes, or routing.json.gz; null when it holds neither.</summary>
    public static byte[]? StoredTable(IDictionary<string, string>? data, IDictionary<string, byte[]>? binaryData) =>
        data is not null && data.TryGetValue(JsonKey, out var json) ? System.Text.Encoding.UTF8.GetBytes(json)
        : binaryData is not null && binaryData.TryGetValue(GzipKey, out var gzip) ? gzip
        : null;

    /// <summary>
    /// The bytes inside a gzip stream, inflating at most <paramref name="maxBytes"/> + 1 bytes; null when it is not
    /// valid gzip (a hand edit, say) or expands beyond <paramref name="maxBytes"/> (not a table we wrote, whatever
    /// it holds: a planted gzip bomb costs no more than that).
    /// </summary>
    public static byte[]? Decompress(byte[] gzip, int maxBytes)
    {
        try
        {
            return RoutingTableJson.Gunzip(gzip, maxBytes);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    internal static byte[] Compress(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return buffer.ToArray();
    }
}
