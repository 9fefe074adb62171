using CpaasX.Operator.Tests.Support;
using CpaasX.Operator.Writing;
using CpaasX.Routing.Table;

namespace CpaasX.Operator.Tests.Writing;

public sealed class RoutingPayloadTests
{
    [Fact]
    public void A_gzip_bomb_is_inflated_no_further_than_the_bound_and_costs_a_few_MB()
    {
        var bomb = GzipBombs.OneGibibyteOfZeros;
        Assert.True(bomb.Length < 1024 * 1024, $"the bomb is {bomb.Length} bytes");
        var before = GC.GetAllocatedBytesForCurrentThread();

        Assert.Null(RoutingPayload.Decompress(bomb, maxBytes: RoutingPayload.MaxBytes));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 8 * 1024 * 1024, $"{allocated} bytes allocated");
    }

    [Fact]
    public void A_table_is_plain_then_gzipped_then_sharded_as_it_grows()
    {
        var small = RoutingTableJson.Serialize(TestTables.WithApplications("shop", "checkout"));
        var compressible = RoutingTableJson.Serialize(TestTables.Compressible("shop"));
        var incompressible = RoutingTableJson.Serialize(TestTables.Incompressible("shop"));

        Assert.NotNull(RoutingPayload.Encode(small, "sha256:0")!.Json);
        Assert.NotNull(RoutingPayload.Encode(compressible, "sha256:0")!.Gzip);
        var shards = RoutingPayload.Encode(incompressible, "sha256:0")!.Shards!;
        Assert.True(shards.Count > 1);
        Assert.All(shards, shard => Assert.True(shard.Length <= RoutingPayload.MaxBytes));
        Assert.Null(RoutingPayload.Encode(incompressible, "sha256:0", maxShards: shards.Count - 1));
    }
}
