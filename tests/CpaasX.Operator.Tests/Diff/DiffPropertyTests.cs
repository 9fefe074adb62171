using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Diff;
using CpaasX.Operator.Tests.Support;
using CpaasX.Routing.Table;

using CsCheck;

namespace CpaasX.Operator.Tests.Diff;

/// <summary>Properties over arbitrary namespaces: a namespace diffed against itself, in any order and any form, is no routing change.</summary>
public sealed class DiffPropertyTests
{
    private static readonly DestinationSampling Sampling = new(50);

    [Fact]
    public void A_namespace_diffed_against_itself_shuffled_or_as_its_compiled_table_is_no_routing_change()
    {
        ArbitraryObjects.ShufflableNamespace.Sample((objects, seed) =>
        {
            ICustomResource[] shuffled = [.. objects];
            new Random(seed).Shuffle(shuffled);
            var original = NamespaceState.Of(NamespaceObjects.Compile(objects));
            var reordered = NamespaceState.Of(NamespaceObjects.Compile(shuffled));
            NamespaceState table = new(RoutingTableJson.Deserialize(RoutingTableJson.Serialize(original.Table)), null);

            Assert.False(RoutingDiffer.Diff([original], [original], null, Sampling).Changed);
            Assert.False(RoutingDiffer.Diff([original], [reordered], null, Sampling).Changed);
            Assert.False(RoutingDiffer.Diff([table], [original], null, Sampling).Changed);
        }, iter: 500);
    }

    [Fact]
    public void Every_pool_and_strategy_resampled_against_the_same_table_moves_nothing()
    {
        ArbitraryObjects.Namespace.Sample(objects =>
        {
            var table = NamespaceObjects.Compile(objects).Table;
            var empty = new RoutingTableBuilder(table.Namespace).Build();
            // Every pool and strategy of the table, as if each had changed: the estimator must find that no destination moves.
            var everyPool = PoolDiff.Compare(empty, table);
            var everyStrategy = StrategyDiff.Compare(empty, table);

            Assert.Empty(MovedShares.Estimate(table, table, everyPool, everyStrategy, Sampling));
        }, iter: 500);
    }
}
