using CpaasX.Routing.Model;
using CpaasX.Routing.Resolution;
using CpaasX.Routing.Table;

using static CpaasX.Routing.Tests.Support.Senders;

namespace CpaasX.Routing.Tests.Resolution;

/// <summary>Sticky senders by rendezvous hashing, and the even spread of non-sticky picks.</summary>
public sealed class StickyAndSpreadTests
{
    private const string App = "checkout-prod";
    private const int DestinationCount = 10_000;

    private static readonly string[] Destinations =
        [.. Enumerable.Range(0, DestinationCount).Select(i => $"+1312{5_550_000 + i:D7}")];

    [Fact]
    public void Sticky_sender_is_the_same_for_a_destination_across_resolver_instances()
    {
        var table = Table(sticky: true, senderCount: 5);

        var first = Assign(new RoutingResolver(table));
        var second = Assign(new RoutingResolver(table));

        Assert.Equal(first, second);
        Assert.True(first.Distinct().Count() == 5, "every sender should get some destinations");
    }

    [Fact]
    public void Removing_one_of_N_senders_moves_only_the_destinations_that_had_it()
    {
        var before = Assign(new RoutingResolver(Table(sticky: true, senderCount: 5)));
        var after = Assign(new RoutingResolver(Table(sticky: true, senderCount: 5, skip: 2)));
        var removed = SenderValue(2);

        for (var i = 0; i < DestinationCount; i++)
        {
            if (before[i] == removed)
            {
                Assert.NotEqual(removed, after[i]);
            }
            else
            {
                Assert.Equal(before[i], after[i]);
            }
        }
    }

    [Fact]
    public void Adding_a_sender_moves_about_one_in_N_plus_one_destinations_all_to_the_new_sender()
    {
        var before = Assign(new RoutingResolver(Table(sticky: true, senderCount: 4)));
        var after = Assign(new RoutingResolver(Table(sticky: true, senderCount: 5)));
        var added = SenderValue(4);

        var moved = Enumerable.Range(0, DestinationCount).Where(i => before[i] != after[i]).ToList();

        Assert.All(moved, i => Assert.Equal(added, after[i]));
        var share = moved.Count / (double)DestinationCount;
        Assert.InRange(share, 0.2 - 0.02, 0.2 + 0.02);
    }

    [Fact]
    public void Sticky_picks_spread_destinations_evenly()
    {
        var counts = Assign(new RoutingResolver(Table(sticky: true, senderCount: 4))).CountBy(v => v).ToList();

        Assert.Equal(4, counts.Count);
        Assert.All(counts, c => Assert.InRange(c.Value, 2_250, 2_750));
    }

    [Fact]
    public void Non_sticky_pick_spreads_evenly_over_the_pool()
    {
        var resolver = new RoutingResolver(Table(sticky: false, senderCount: 3));

        var counts = Enumerable.Range(0, 3_000)
            .Select(_ => resolver.ResolveOutbound(new OutboundRequest(App, null, Channel.Sms, Destinations[0])).Sender!.Value)
            .CountBy(v => v)
            .ToList();

        Assert.Equal(3, counts.Count);
        Assert.All(counts, c => Assert.Equal(1_000, c.Value));
    }

    [Fact]
    public void Without_strategy_every_sender_is_used_regardless_of_type()
    {
        var table = new RoutingTableBuilder("shop").Associate(NewJersey, App, null).Associate(ShortCode, App, null).Build();
        var resolver = new RoutingResolver(table);

        var used = Enumerable.Range(0, 10)
            .Select(_ => resolver.ResolveOutbound(new OutboundRequest(App, null, Channel.Sms, Destinations[0])).Sender!.Value)
            .ToHashSet();

        Assert.Equal([NewJersey.Value, ShortCode.Value], used.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Sharing_senders_are_the_sticky_pick_or_every_spread_candidate_whatever_the_turn()
    {
        var sticky = new RoutingResolver(Table(sticky: true, senderCount: 3));
        var spread = new RoutingResolver(Table(sticky: false, senderCount: 3));
        var request = new OutboundRequest(App, null, Channel.Sms, Destinations[0]);

        Assert.Equal([sticky.ResolveOutbound(request).Sender!], sticky.ResolveSharingSenders(request));
        Assert.Equal([SenderValue(0), SenderValue(1), SenderValue(2)], spread.ResolveSharingSenders(request).Select(s => s.Value));
        spread.ResolveOutbound(request);
        Assert.Equal([SenderValue(0), SenderValue(1), SenderValue(2)], spread.ResolveSharingSenders(request).Select(s => s.Value));
        Assert.Empty(spread.ResolveSharingSenders(request with { Destination = "+447700900123" }));
        Assert.Equal([SenderValue(2)], spread.ResolveSharingSenders(request with { Sender = "line-2" }).Select(s => s.Value));
    }

    private static string SenderValue(int index) => $"+1201555{index:D4}";

    private static RoutingTable Table(bool sticky, int senderCount, int skip = -1)
    {
        var builder = new RoutingTableBuilder("shop");
        foreach (var index in Enumerable.Range(0, senderCount).Where(i => i != skip))
        {
            builder.Associate(Number($"line-{index}", SenderValue(index), NumberType.VirtualLongNumber, "US"), App, null);
        }

        return builder.AddStrategy(Strategy("pool", App, sticky: sticky)).Build();
    }

    private static string[] Assign(RoutingResolver resolver) =>
        [.. Destinations.Select(d => resolver.ResolveOutbound(new OutboundRequest(App, null, Channel.Sms, d)).Sender!.Value)];
}
