using System.Text.Json;
using System.Text.Json.Serialization;

namespace CpaasX.Routing.Table;

/// <summary>
/// The index of a sharded routing table (<see cref="RoutingTableFiles.Index"/>): the table is the gzip of its
/// routing.json cut into pieces, each stored under <see cref="RoutingTableShard.Key"/> in the ConfigMap
/// <see cref="RoutingTableShard.ConfigMap"/>. <see cref="Hash"/> is the content hash of the plain JSON and
/// <see cref="Bytes"/> its length: a reader inflates no more than that and checks the hash, so pieces of two
/// versions put together are an error, never a wrong table.
/// </summary>
public sealed record RoutingTableIndex(
    [property: JsonPropertyName("hash")] string Hash,
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("bytes")] int Bytes,
    [property: JsonPropertyName("shards")] IReadOnlyList<RoutingTableShard> Shards)
{
    /// <summary>The one format so far: the pieces, in order, make one gzip stream.</summary>
    public const string GzipFormat = "gzip";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, IndentSize = 2, NewLine = "\n" };

    public byte[] Serialize() => JsonSerializer.SerializeToUtf8Bytes(this, Options);

    /// <summary>Reads an index; throws <see cref="InvalidDataException"/> when it is not one.</summary>
    public static RoutingTableIndex Parse(ReadOnlySpan<byte> json)
    {
        RoutingTableIndex? index;
        try
        {
            index = JsonSerializer.Deserialize<RoutingTableIndex>(json, Options);
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{RoutingTableFiles.Index} is not a routing table index: {error.Message}", error);
        }

        return index is { Hash: not null, Format: GzipFormat, Bytes: >= 0 and <= RoutingTableFiles.MaxTableBytes, Shards.Count: > 0 }
            && index.Shards.All(shard => shard is { ConfigMap: not null, Key: not null })
            ? index
            : throw new InvalidDataException($"{RoutingTableFiles.Index} is not a routing table index of format {GzipFormat} with a hash, a size up to {RoutingTableFiles.MaxTableBytes} bytes and shards.");
    }

    /// <summary>
    /// The table from its pieces, each given by <paramref name="readShard"/> (null when it is missing): inflated up to
    /// <see cref="Bytes"/>, checked against <see cref="Hash"/>. Throws <see cref="InvalidDataException"/> when a
    /// piece is missing or the pieces are not this table (a torn or mixed set).
    /// </summary>
    public RoutingTable Assemble(Func<RoutingTableShard, byte[]?> readShard)
    {
        using var gzip = new MemoryStream();
        foreach (var shard in Shards)
        {
            var piece = readShard(shard)
                ?? throw new InvalidDataException($"Shard {shard.ConfigMap}/{shard.Key} of routing table {Hash} is missing (a table being replaced, or a volume that does not mount every shard).");
            gzip.Write(piece);
        }

        byte[] json;
        try
        {
            json = RoutingTableJson.Gunzip(gzip.GetBuffer().AsSpan(0, (int)gzip.Length), Bytes);
        }
        catch (InvalidDataException error)
        {
            throw new InvalidDataException($"The shards of routing table {Hash} do not make its table (a torn or mixed set): {error.Message}", error);
        }

        return json.Length == Bytes && RoutingTableJson.ContentHash(json) == Hash
            ? RoutingTableJson.Deserialize(json)
            : throw new InvalidDataException($"The shards of routing table {Hash} do not make its table (a torn or mixed set): the content hash or size differs.");
    }
}

/// <summary>One piece of a sharded table: the ConfigMap that holds it and its key there (its file name when mounted).</summary>
public sealed record RoutingTableShard(
    [property: JsonPropertyName("configMap")] string ConfigMap,
    [property: JsonPropertyName("key")] string Key);
