using System.IO.Compression;

using CpaasX.Routing.Table;

namespace CpaasX.Operator.Writing;

/// <summary>
/// A namespace's routing table as the ConfigMap stores it: <c>routing.json</c> under <c>data</c>, or, when that is
/// larger than <see cref="MaxBytes"/>, gzipped under <c>binaryData</c> as <c>routing.json.gz</c>.
/// <see cref="Hash"/> is the content hash of the plain JSON either way.
/// </summary>
public sealed record RoutingPayload(string Hash, string? Json, byte[]? Gzip)
{
    public const string JsonKey = RoutingTableJson.FileName;
    public const string GzipKey = RoutingTableJson.GzipFileName;

    /// <summary>
    /// A ConfigMap may hold 1 MiB in total; 900 KiB leaves room for the metadata, annotations and the
    /// base64 framing of the API's JSON.
    /// </summary>
    public const int MaxBytes = 900 * 1024;

    /// <summary>The size of what is stored: the JSON, or the gzip.</summary>
    public int StoredBytes => Gzip?.Length ?? System.Text.Encoding.UTF8.GetByteCount(Json!);

    /// <summary>True when the table is small enough to be stored as plain <c>routing.json</c>.</summary>
    public static bool FitsPlain(byte[] routingJson) => routingJson.Length <= MaxBytes;

    /// <summary>The payload for <paramref name="routingJson"/> (of content hash <paramref name="hash"/>), or null when even gzipped it exceeds <see cref="MaxBytes"/>.</summary>
    public static RoutingPayload? Encode(byte[] routingJson, string hash)
    {
        if (FitsPlain(routingJson))
        {
            return new RoutingPayload(hash, System.Text.Encoding.UTF8.GetString(routingJson), null);
        }

        var gzip = Compress(routingJson);
        return gzip.Length <= MaxBytes ? new RoutingPayload(hash, null, gzip) : null;
    }

    /// <summary>What a ConfigMap stores of its table: routing.json's bytes, or routing.json.gz; null when it holds neither.</summary>
    public static byte[]? StoredTable(IDictionary<string, string>? data, IDictionary<string, byte[]>? binaryData) =>
        data is not null && data.TryGetValue(JsonKey, out var json) ? System.Text.Encoding.UTF8.GetBytes(json)
        : binaryData is not null && binaryData.TryGetValue(GzipKey, out var gzip) ? gzip
        : null;

    /// <summary>The bytes inside a gzip stream; null when it is not valid gzip (a hand edit, say).</summary>
    public static byte[]? Decompress(byte[] gzip)
    {
        try
        {
            return RoutingTableJson.Gunzip(gzip);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static byte[] Compress(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return buffer.ToArray();
    }
}
