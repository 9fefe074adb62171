using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CpaasX.Routing.Table;

/// <summary>
/// The <c>routing.json</c> format: camelCase, two-space indentation, <c>\n</c> line ends, nulls written out, no escaping
/// of <c>+</c> in numbers, and a final newline. Stable formatting plus the builder's sorting make the bytes deterministic.
/// </summary>
public static class RoutingTableJson
{
    private static readonly byte[] GzipMagic = [0x1f, 0x8b];

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    // The writer settings of Options, for output written around the serialized tables.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = Options.Encoder,
        Indented = Options.WriteIndented,
        IndentSize = Options.IndentSize,
        NewLine = Options.NewLine,
    };

    public static byte[] Serialize(RoutingTable table) => SerializeDocument(table);

    /// <summary>Any document in the conventions of <c>routing.json</c> (the <c>diff</c> report is one), with its final newline.</summary>
    public static byte[] SerializeDocument<T>(T document)
    {
        using var buffer = new MemoryStream();
        JsonSerializer.Serialize(buffer, document, Options);
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>
    /// Several tables as one object keyed by namespace, in the order given, each table formatted as in <c>routing.json</c>
    /// (the shape of <c>compile</c> over several namespaces).
    /// </summary>
    public static byte[] SerializeByNamespace(IEnumerable<RoutingTable> tables)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var table in tables)
            {
                writer.WritePropertyName(table.Namespace);
                JsonSerializer.Serialize(writer, table, Options);
            }

            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>The content hash the ConfigMap is annotated with: <c>sha256:</c> and the lower-case hex of the bytes.</summary>
    public static string ContentHash(ReadOnlySpan<byte> routingJson) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(routingJson));

    /// <summary>
    /// Reads a table from plain or gzipped <c>routing.json</c> bytes (gzip is recognised by its magic number, and
    /// inflated up to <see cref="RoutingTableFiles.MaxTableBytes"/>).
    /// </summary>
    public static RoutingTable Deserialize(ReadOnlySpan<byte> bytes)
    {
        if (IsGzip(bytes))
        {
            return Deserialize(Gunzip(bytes));
        }

        var table = JsonSerializer.Deserialize<RoutingTable>(bytes, Options)
            ?? throw new JsonException("routing.json holds null instead of a routing table.");
        if (table.ApiVersion != RoutingTable.CurrentApiVersion || table.Kind != RoutingTable.TableKind)
        {
            throw new JsonException(
                $"Expected apiVersion {RoutingTable.CurrentApiVersion} and kind {RoutingTable.TableKind}, got {table.ApiVersion} and {table.Kind}.");
        }

        return table;
    }

    /// <summary>True when <paramref name="bytes"/> start with gzip's magic number: a <c>routing.json.gz</c>.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes.StartsWith(GzipMagic);

    /// <summary>
    /// The bytes inside a gzip stream (<c>routing.json.gz</c>), inflating no more than <paramref name="maxBytes"/> + 1
    /// bytes (by default <see cref="RoutingTableFiles.MaxTableBytes"/>): throws <see cref="InvalidDataException"/> when
    /// it is not gzip or holds more than that, so a small file that expands to gigabytes costs its reader at most
    /// <paramref name="maxBytes"/>.
    /// </summary>
    public static byte[] Gunzip(ReadOnlySpan<byte> gzip, int maxBytes = RoutingTableFiles.MaxTableBytes)
    {
        using var compressed = new GZipStream(new MemoryStream(gzip.ToArray()), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        var chunk = new byte[Math.Min(81_920, maxBytes + 1)];
        int read;
        while ((read = compressed.Read(chunk, 0, (int)Math.Min(chunk.Length, (long)maxBytes + 1 - plain.Length))) > 0)
        {
            plain.Write(chunk, 0, read);
            if (plain.Length > maxBytes)
            {
                throw new InvalidDataException($"The gzip stream expands beyond {maxBytes} bytes.");
            }
        }

        return plain.ToArray();
    }

    /// <summary>
    /// Loads a routing table from <paramref name="path"/>: a <c>routing.json</c> or <c>routing.json.gz</c> file, or a
    /// directory where the routing ConfigMap is mounted (with its shards, if the table is sharded; see
    /// <see cref="RoutingTableFiles"/>). Throws <see cref="FileNotFoundException"/> when the directory holds no table
    /// yet, and <see cref="InvalidDataException"/> when it holds more than one or shards that do not make the table
    /// their index names (a torn or mixed set).
    /// </summary>
    public static RoutingTable Load(string path) =>
        Directory.Exists(path) ? MountedTableReader.Load(path) : Deserialize(File.ReadAllBytes(path));
}
