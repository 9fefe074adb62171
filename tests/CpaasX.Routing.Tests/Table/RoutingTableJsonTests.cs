using System.IO.Compression;
using System.Text;
using System.Text.Json;

using CpaasX.Routing.Model;
using CpaasX.Routing.Resolution;
using CpaasX.Routing.Table;
using CpaasX.Routing.Tests.Support;

namespace CpaasX.Routing.Tests.Table;

/// <summary>The routing.json format: stable bytes, round trips, gzip, content hash.</summary>
public sealed class RoutingTableJsonTests
{
    [Fact]
    public void Writes_apiVersion_and_kind_first_with_stable_formatting()
    {
        var json = Encoding.UTF8.GetString(RoutingTableJson.Serialize(SampleTables.Shop()));

        Assert.StartsWith("{\n  \"apiVersion\": \"cpaasx.io/v1alpha1\",\n  \"kind\": \"RoutingTable\",\n  \"namespace\": \"shop\",\n", json);
        Assert.EndsWith("}\n", json);
        Assert.DoesNotContain("\r", json);
        Assert.Contains("\"value\": \"+12015550101\"", json);
        Assert.Contains("\"entityId\": null", json);
        Assert.Contains("\"channel\": \"WHATSAPP\"", json);
        Assert.Contains("\"senderType\": \"TOLL_FREE_NUMBER\"", json);
    }

    [Fact]
    public void Several_tables_are_keyed_by_namespace_in_the_given_order_each_formatted_as_its_own_file()
    {
        var shop = SampleTables.Shop();
        var empty = new RoutingTableBuilder("another").Build();

        var json = Encoding.UTF8.GetString(RoutingTableJson.SerializeByNamespace([shop, empty]));

        Assert.Equal(
            "{\n  \"shop\": " + Nested(shop) + ",\n  \"another\": " + Nested(empty) + "\n}\n",
            json);

        // One table's routing.json one level deeper: every line after the first indented by two more spaces.
        static string Nested(RoutingTable table) =>
            Encoding.UTF8.GetString(RoutingTableJson.Serialize(table)).TrimEnd('\n').Replace("\n", "\n  ", StringComparison.Ordinal);
    }

    [Fact]
    public void Sorts_entries_by_their_keys()
    {
        var table = SampleTables.Shop();

        Assert.Equal(["checkout-prod", "checkout-staging"], table.Applications.Select(a => a.ApplicationId));
        Assert.Equal(
            [("checkout-prod", null, Channel.Sms), ("checkout-prod", null, Channel.Voice), ("checkout-prod", null, Channel.Email),
             ("checkout-prod", "acme", Channel.Sms), ("checkout-staging", null, Channel.WhatsApp), ("default", "globex", Channel.Sms)],
            table.OutboundPools.Select(p => (p.ApplicationId, p.EntityId, p.Channel)));
        Assert.Equal(["+12125550102", "SHOPCO"], table.OutboundPools[0].Senders.Select(s => s.Value));
        Assert.Equal(["everyone", "us-local"], table.Strategies.Select(s => s.Name));
    }

    [Fact]
    public void Round_trip_gives_the_same_bytes_and_the_same_answers()
    {
        var table = SampleTables.Shop();
        var bytes = RoutingTableJson.Serialize(table);

        var loaded = RoutingTableJson.Deserialize(bytes);

        Assert.Equal(bytes, RoutingTableJson.Serialize(loaded));
        var request = new OutboundRequest("checkout-prod", null, Channel.Sms, "+12125559999");
        Assert.Equal(
            new RoutingResolver(table).ResolveOutbound(request).Sender?.Source,
            new RoutingResolver(loaded).ResolveOutbound(request).Sender?.Source);
    }

    [Fact]
    public void Loads_plain_and_gzipped_files_alike()
    {
        var bytes = RoutingTableJson.Serialize(SampleTables.Shop());
        var directory = Directory.CreateTempSubdirectory("routing-table-");
        try
        {
            var plainPath = Path.Combine(directory.FullName, "routing.json");
            var gzipPath = Path.Combine(directory.FullName, "routing.json.gz");
            File.WriteAllBytes(plainPath, bytes);
            using (var gzip = new GZipStream(File.Create(gzipPath), CompressionLevel.Optimal))
            {
                gzip.Write(bytes);
            }

            Assert.Equal(bytes, RoutingTableJson.Serialize(RoutingTableJson.Load(plainPath)));
            Assert.Equal(bytes, RoutingTableJson.Serialize(RoutingTableJson.Load(gzipPath)));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Loads_a_directory_holding_a_plain_or_gzipped_table()
    {
        var bytes = RoutingTableJson.Serialize(SampleTables.Shop());
        using var plain = new MountedDirectory(("routing.json", bytes));
        using var gzipped = new MountedDirectory(("routing.json.gz", Gzip(bytes)));

        Assert.Equal(bytes, RoutingTableJson.Serialize(RoutingTableJson.Load(plain.Path)));
        Assert.Equal(bytes, RoutingTableJson.Serialize(RoutingTableJson.Load(gzipped.Path)));
    }

    [Fact]
    public void Loads_a_sharded_table_from_the_index_and_its_pieces_through_the_kubelet_data_link()
    {
        var bytes = RoutingTableJson.Serialize(SampleTables.Shop());
        using var mounted = new MountedDirectory(Sharded(bytes, pieces: 3), kubeletLayout: true);

        Assert.Equal(bytes, RoutingTableJson.Serialize(RoutingTableJson.Load(mounted.Path)));
    }

    [Fact]
    public void A_shard_of_another_version_is_an_error_never_a_wrong_table()
    {
        var current = Sharded(RoutingTableJson.Serialize(SampleTables.Shop()), pieces: 2);
        var other = Sharded(RoutingTableJson.Serialize(SampleTables.Shop() with { Applications = [] }), pieces: 2);

        // The index of one version, a piece of the other under the name the index expects.
        using var torn = new MountedDirectory(current[0], current[1], (current[2].Name, other[2].Bytes));

        var error = Assert.Throws<InvalidDataException>(() => RoutingTableJson.Load(torn.Path));
        Assert.Contains("torn or mixed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_shard_or_two_tables_in_one_directory_are_errors()
    {
        var bytes = RoutingTableJson.Serialize(SampleTables.Shop());
        var sharded = Sharded(bytes, pieces: 2);
        using var missing = new MountedDirectory(sharded[0], sharded[1]);
        using var mixed = new MountedDirectory(("routing.json", bytes), sharded[0], sharded[1], sharded[2]);
        using var empty = new MountedDirectory();

        Assert.Contains("is missing", Assert.Throws<InvalidDataException>(() => RoutingTableJson.Load(missing.Path)).Message, StringComparison.Ordinal);
        Assert.Contains("more than one", Assert.Throws<InvalidDataException>(() => RoutingTableJson.Load(mixed.Path)).Message, StringComparison.Ordinal);
        Assert.Contains("no routing table", Assert.Throws<FileNotFoundException>(() => RoutingTableJson.Load(empty.Path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzip_stream_is_never_inflated_beyond_its_bound()
    {
        var zeros = Gzip(new byte[64 * 1024 * 1024]);

        Assert.Equal(1024, RoutingTableJson.Gunzip(Gzip(new byte[1024]), maxBytes: 1024).Length);
        Assert.Throws<InvalidDataException>(() => RoutingTableJson.Gunzip(Gzip(new byte[1025]), maxBytes: 1024));
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<InvalidDataException>(() => RoutingTableJson.Gunzip(zeros, maxBytes: 1024 * 1024));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 8 * 1024 * 1024);
    }

    [Theory]
    [InlineData("cpaasx.io/v1beta1", "RoutingTable")]
    [InlineData("cpaasx.io/v1alpha1", "ConfigMap")]
    public void Rejects_another_apiVersion_or_kind(string apiVersion, string kind)
    {
        var json = Encoding.UTF8.GetString(RoutingTableJson.Serialize(SampleTables.Shop()))
            .Replace("cpaasx.io/v1alpha1", apiVersion, StringComparison.Ordinal)
            .Replace("\"kind\": \"RoutingTable\"", $"\"kind\": \"{kind}\"", StringComparison.Ordinal);

        Assert.Throws<JsonException>(() => RoutingTableJson.Deserialize(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Rejects_a_table_without_its_lists()
    {
        var json = """{"apiVersion": "cpaasx.io/v1alpha1", "kind": "RoutingTable", "namespace": "shop"}""";

        Assert.Throws<JsonException>(() => RoutingTableJson.Deserialize(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void ContentHash_is_the_SHA_256_hex_of_the_bytes()
    {
        // The SHA-256 test vector of "abc" (FIPS 180-2).
        Assert.Equal(
            "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            RoutingTableJson.ContentHash("abc"u8));
    }

    [Fact]
    public void ContentHash_changes_with_the_table()
    {
        var table = SampleTables.Shop();
        var changed = table with { Strategies = [.. table.Strategies.Skip(1)] };

        Assert.Equal(
            RoutingTableJson.ContentHash(RoutingTableJson.Serialize(table)),
            RoutingTableJson.ContentHash(RoutingTableJson.Serialize(SampleTables.Shop())));
        Assert.NotEqual(
            RoutingTableJson.ContentHash(RoutingTableJson.Serialize(table)),
            RoutingTableJson.ContentHash(RoutingTableJson.Serialize(changed)));
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return buffer.ToArray();
    }

    /// <summary>The files of a sharded table as the operator publishes them: the index first, then the pieces.</summary>
    private static (string Name, byte[] Bytes)[] Sharded(byte[] json, int pieces)
    {
        var gzip = Gzip(json);
        var hash = RoutingTableJson.ContentHash(json);
        var chunks = gzip.Chunk((gzip.Length + pieces - 1) / pieces).ToArray();
        var shards = chunks.Select((_, i) => new RoutingTableShard($"cpaasx-routing-a-{i}", $"routing-a{i}-{hash[7..23]}.json.gz.part")).ToList();
        return [("routing-index.json", new RoutingTableIndex(hash, RoutingTableIndex.GzipFormat, json.Length, shards).Serialize()),
            .. chunks.Select((chunk, i) => (shards[i].Key, chunk))];
    }
}
