using System.Globalization;

using CpaasX.Operator.Diff;
using CpaasX.Routing.Model;
using CpaasX.Routing.Resolution;
using CpaasX.Routing.Table;

namespace CpaasX.Operator.Tests.Diff;

/// <summary>The moved-share estimate against the exact share, enumerated over every destination of a block, on small pools.</summary>
public sealed class MovedShareTests
{
    private const string Application = "checkout";
    private static readonly DestinationSampling Sampling = new(DestinationSampling.DefaultDestinationsPerCountry);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    public void Adding_a_sender_to_a_sticky_pool_moves_what_exact_enumeration_finds_about_one_in_n_plus_one(int senders)
    {
        var before = Table(senders, sticky: true);
        var after = Table(senders + 1, sticky: true);

        var estimate = Assert.Single(Estimate(before, after)).Share;
        var exact = ExactStickyShare(before, after);

        Assert.InRange(exact, (1.0 / (senders + 1)) - 0.01, (1.0 / (senders + 1)) + 0.01);
        Assert.InRange(estimate, exact - Sampling.ErrorBound, exact + Sampling.ErrorBound);
    }

    [Fact]
    public void Removing_a_sender_from_a_sticky_pool_moves_exactly_the_destinations_it_had()
    {
        var before = Table(4, sticky: true);
        var after = Table(3, sticky: true);

        var estimate = Assert.Single(Estimate(before, after)).Share;
        var exact = ExactStickyShare(before, after);

        Assert.InRange(exact, 0.24, 0.26);
        Assert.InRange(estimate, exact - Sampling.ErrorBound, exact + Sampling.ErrorBound);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Adding_a_sender_to_a_spread_pool_moves_exactly_one_in_n_plus_one_of_every_destination(int senders)
    {
        // A spread gives each candidate an equal part of every destination's messages: the new sender takes 1/(N+1).
        var share = Assert.Single(Estimate(Table(senders, sticky: false), Table(senders + 1, sticky: false)));

        Assert.Equal(Math.Round(1.0 / (senders + 1), 4), share.Share);
        Assert.Equal(Sampling.DestinationsPerCountry, share.Destinations);
        Assert.Equal("US", share.Country);
    }

    [Fact]
    public void The_error_bound_is_the_95_percent_normal_bound_at_the_worst_case_variance()
    {
        Assert.Equal(0.031, new DestinationSampling(1_000).ErrorBound);
        Assert.Equal(0.0098, new DestinationSampling(10_000).ErrorBound);
    }

    private static IReadOnlyList<MovedShare> Estimate(RoutingTable before, RoutingTable after) =>
        MovedShares.Estimate(before, after, PoolDiff.Compare(before, after), StrategyDiff.Compare(before, after), Sampling);

    // Every destination +1 201 55X XXXX (100,000 numbers), where the sample draws its US destinations from +1 201 XXX XXXX.
    private static double ExactStickyShare(RoutingTable before, RoutingTable after)
    {
        RoutingResolver old = new(before);
        RoutingResolver @new = new(after);
        var moved = 0;
        const int Block = 100_000;
        for (var subscriber = 0; subscriber < Block; subscriber++)
        {
            OutboundRequest request = new(Application, null, Channel.Sms, "+120155" + subscriber.ToString("D5", CultureInfo.InvariantCulture));
            moved += old.ResolveOutbound(request).Sender?.Value == @new.ResolveOutbound(request).Sender?.Value ? 0 : 1;
        }

        return moved / (double)Block;
    }

    private static RoutingTable Table(int senders, bool sticky)
    {
        RoutingTableBuilder builder = new("shop");
        for (var line = 0; line < senders; line++)
        {
            SenderResource number = new($"line-{line}", ResourceType.Number, $"+1201555{line:D4}", NumberType.VirtualLongNumber, "US");
            builder.AddAssociation($"line-{line}-sms", number, Channel.Sms, Application, null);
        }

        return builder.AddStrategy(new SenderStrategyEntry(
            "checkout", Application, null, Channel.Sms, null, sticky, UseGeolocatedSender: false, [new SenderPriority(SenderType.VirtualLongNumber, 1)]))
            .Build();
    }
}
