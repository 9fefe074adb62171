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
    /// <summary>The table's key in the routing ConfigMap, and so its file name in a mounted ConfigMap directory.</summary>
    public const string FileName = "routing.json";

    /// <summary>The key (and file name) of the table gzipped, used instead of <see cref="FileName"/> when the table is large.</summary>
    public const string GzipFileName = "routing.json.gz";

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

    public static byte[] Serialize(RoutingTable table)
    {
        using var buffer = new MemoryStream();
        JsonSerializer.Serialize(buffer, table, Options);
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
            foreach (RoutingTable table in tables)
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

    /// <summary>Reads a table from plain or gzipped <c>routing.json</c> bytes (gzip is recognised by its magic number).</summary>
    public static RoutingTable Deserialize(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(GzipMagic))
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

    /// <summary>The bytes inside a gzip stream (<c>routing.json.gz</c>); throws <see cref="InvalidDataException"/> when it is not gzip.</summary>
    public static byte[] Gunzip(ReadOnlySpan<byte> gzip)
    {
        using var compressed = new GZipStream(new MemoryStream(gzip.ToArray()), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        compressed.CopyTo(plain);
        return plain.ToArray();
    }

    /// <summary>
    /// Loads <c>routing.json</c> or <c>routing.json.gz</c> from a file, or from a directory holding one of them (a mounted
    /// routing ConfigMap).
    /// </summary>
    public static RoutingTable Load(string path) => Deserialize(File.ReadAllBytes(Directory.Exists(path) ? TableFileIn(path) : path));

    private static string TableFileIn(string directory)
    {
        var plain = Path.Combine(directory, FileName);
        var gzip = Path.Combine(directory, GzipFileName);
        return File.Exists(plain) ? plain
            : File.Exists(gzip) ? gzip
            : throw new FileNotFoundException($"{directory} holds neither {FileName} nor {GzipFileName}.", plain);
    }
}
