using CpaasX.Routing.Model;
using CpaasX.Routing.Resolution;
using CpaasX.Routing.Table;

using static CpaasX.Routing.Tests.OutboundExpectation;
using static CpaasX.Routing.Tests.Senders;

namespace CpaasX.Routing.Tests;

/// <summary>The outbound rules of the domain, one row per rule and per precedence, named after the rule.</summary>
public sealed class OutboundRuleTests
{
    private const string App = "checkout-prod";
    private const string Acme = "acme";
    private const string ChicagoDestination = "+13125550000";
    private const string NewYorkDestination = "+12125559999";
    private const string LondonDestination = "+447700900999";

    private static readonly OutboundRequest AppAcmeToChicago = new(App, Acme, Channel.Sms, ChicagoDestination);

    internal static readonly Dictionary<string, OutboundCase> Cases = new OutboundCase[]
    {
        new(
            "ExplicitSenderWinsOverPoolAndStrategy",
            b => b.Associate(NewJersey, App, Acme).Associate(TollFree, "other-app", null)
                .AddStrategy(Strategy("prefer-long-numbers", App, priorities: Rank(SenderType.VirtualLongNumber, 1))),
            AppAcmeToChicago with { Sender = TollFree.Value },
            Routed(TollFree.Value, RoutingLevel.Explicit)),
        new(
            "ExplicitSenderByResourceName",
            b => b.Associate(NewJersey, App, Acme).Associate(NewYork, App, Acme),
            AppAcmeToChicago with { Sender = NewYork.Name },
            Routed(NewYork.Value, RoutingLevel.Explicit)),
        new(
            "ExplicitSenderNotAssociatedForChannelIsUnknown",
            b => b.Associate(NewJersey, App, Acme).Associate(NewYork, App, Acme, Channel.Voice),
            AppAcmeToChicago with { Sender = NewYork.Value },
            Unrouted(UnroutedReason.UnknownSender)),
        new(
            "PairPoolOverApplicationPool",
            b => b.Associate(NewJersey, App, Acme).Associate(NewYork, App, null).Associate(TollFree, null, Acme),
            AppAcmeToChicago,
            Routed(NewJersey.Value, RoutingLevel.Pair)),
        new(
            "ApplicationPoolOverEntityPool",
            b => b.Associate(NewYork, App, null).Associate(TollFree, null, Acme),
            AppAcmeToChicago,
            Routed(NewYork.Value, RoutingLevel.Application)),
        new(
            "EntityPoolUnderDefaultApplication",
            b => b.Associate(TollFree, null, Acme).Associate(NewJersey, "other-app", Acme),
            AppAcmeToChicago,
            Routed(TollFree.Value, RoutingLevel.Entity)),
        new(
            "PoolOfOtherChannelIsNotUsed",
            b => b.Associate(NewJersey, App, Acme, Channel.Mms).Associate(NewYork, App, null),
            AppAcmeToChicago,
            Routed(NewYork.Value, RoutingLevel.Application)),
        new(
            "EmptyApplicationMeansDefault",
            b => b.Associate(NewJersey, RouteSources.DefaultApplicationId, null).Associate(NewYork, App, null),
            new OutboundRequest(string.Empty, null, Channel.Sms, ChicagoDestination),
            Routed(NewJersey.Value, RoutingLevel.Application)),
        new(
            "EmptyApplicationWithEntityUsesEntityPool",
            b => b.Associate(TollFree, null, Acme).Associate(NewJersey, RouteSources.DefaultApplicationId, null),
            new OutboundRequest(null, Acme, Channel.Sms, ChicagoDestination),
            Routed(TollFree.Value, RoutingLevel.Entity)),
        new(
            "NoAssociationAnywhereAnswersNoSender",
            b => b.Associate(NewJersey, "other-app", "globex"),
            AppAcmeToChicago,
            Unrouted(UnroutedReason.NoSender)),
        new(
            "StrategyPairOverApplication",
            b => b.Associate(NewJersey, App, Acme).Associate(TollFree, App, Acme)
                .AddStrategy(Strategy("pair", App, Acme, priorities: Rank(SenderType.TollFreeNumber, 1)))
                .AddStrategy(Strategy("application", App, priorities: Rank(SenderType.VirtualLongNumber, 1))),
            AppAcmeToChicago,
            Routed(TollFree.Value, RoutingLevel.Pair, "pair")),
        new(
            "StrategyApplicationOverEntity",
            b => b.Associate(NewJersey, App, Acme).Associate(TollFree, App, Acme)
                .AddStrategy(Strategy("application", App, priorities: Rank(SenderType.TollFreeNumber, 1)))
                .AddStrategy(Strategy("entity", entityId: Acme, priorities: Rank(SenderType.VirtualLongNumber, 1))),
            AppAcmeToChicago,
            Routed(TollFree.Value, RoutingLevel.Pair, "application")),
        new(
            "StrategyEntityOverNeither",
            b => b.Associate(NewJersey, App, Acme).Associate(TollFree, App, Acme)
                .AddStrategy(Strategy("entity", entityId: Acme, priorities: Rank(SenderType.TollFreeNumber, 1)))
                .AddStrategy(Strategy("everyone", priorities: Rank(SenderType.VirtualLongNumber, 1))),
            AppAcmeToChicago,
            Routed(TollFree.Value, RoutingLevel.Pair, "entity")),
        new(
            "StrategyLevelBeatsExactChannelAndCountry",
            b => b.Associate(NewJersey, App, Acme).Associate(TollFree, App, Acme)
                .AddStrategy(Strategy("application", App, priorities: Rank(SenderType.TollFreeNumber, 1)))
                .AddStrategy(Strategy("entity-sms-us", entityId: Acme, channel: Channel.Sms, country: "US",
                    priorities: Rank(SenderType.VirtualLongNumber, 1))),
            AppAcmeToChicago,
            Routed(TollFree.Value, RoutingLevel.Pair, "application")),
        new(
            "StrategyExactChannelOverEmptyChannel",
            b => b.Associate(NewJersey, App, Acme).Associate(TollFree, App, Acme)
                .AddStrategy(Strategy("sms", App, channel: Channel.Sms, priorities: Rank(SenderType.TollFreeNumber, 1)))
                .AddStrategy(Strategy("any-channel-us", App, country: "US", priorities: Rank(SenderType.VirtualLongNumber, 1))),
            AppAcmeToChicago,
            Routed(TollFree.Value, RoutingLevel.Pair, "sms")),
        new(
            "StrategyExactCountryOverEmptyCountry",
            b => b.Associate(NewJersey, App, Acme).Associate(TollFree, App, Acme)
                .AddStrategy(Strategy("us", App, channel: Channel.Sms, country: "US", priorities: Rank(SenderType.TollFreeNumber, 1)))
                .AddStrategy(Strategy("any-country", App, channel: Channel.Sms, priorities: Rank(SenderType.VirtualLongNumber, 1))),
            AppAcmeToChicago,
            Routed(TollFree.Value, RoutingLevel.Pair, "us")),
        new(
            "StrategyOfOtherCountryOrChannelDoesNotMatch",
            b => b.Associate(NewJersey, App, Acme).Associate(TollFree, App, Acme)
                .AddStrategy(Strategy("gb", App, country: "GB", priorities: Rank(SenderType.VirtualLongNumber, 1)))
                .AddStrategy(Strategy("mms", App, channel: Channel.Mms, priorities: Rank(SenderType.VirtualLongNumber, 1)))
                .AddStrategy(Strategy("everyone", priorities: Rank(SenderType.TollFreeNumber, 1))),
            AppAcmeToChicago,
            Routed(TollFree.Value, RoutingLevel.Pair, "everyone")),
        new(
            "StrategiesApplyToSmsAndMmsOnly",
            b => b.Associate(NewJersey, App, Acme, Channel.Voice)
                .AddStrategy(Strategy("everyone", priorities: Rank(SenderType.TollFreeNumber, 1))),
            AppAcmeToChicago with { Channel = Channel.Voice },
            Routed(NewJersey.Value, RoutingLevel.Pair)),
        new(
            "CountryFilterKeepsNumbersOfDestinationCountry",
            b => b.Associate(NewJersey, App, Acme).Associate(London, App, Acme),
            AppAcmeToChicago with { Destination = LondonDestination },
            Routed(London.Value, RoutingLevel.Pair)),
        new(
            "CountryFilterTellsUsAndCanadaApartByAreaCode",
            b => b.Associate(NewJersey, App, Acme).Associate(Toronto, App, Acme),
            AppAcmeToChicago with { Destination = "+16475550000" },
            Routed(Toronto.Value, RoutingLevel.Pair)),
        new(
            "CountryFilterKeepsAlphaListingTheCountry",
            b => b.Associate(NewJersey, App, Acme).Associate(AlphaEurope, App, Acme),
            AppAcmeToChicago with { Destination = LondonDestination },
            Routed(AlphaEurope.Value, RoutingLevel.Pair)),
        new(
            "CountryFilterDropsAlphaNotListingTheCountry",
            b => b.Associate(NewJersey, App, Acme).Associate(AlphaEurope, App, Acme),
            AppAcmeToChicago,
            Routed(NewJersey.Value, RoutingLevel.Pair)),
        new(
            "CountryFilterKeepsAlphaWithoutCountries",
            b => b.Associate(London, App, Acme).Associate(AlphaEverywhere, App, Acme),
            AppAcmeToChicago,
            Routed(AlphaEverywhere.Value, RoutingLevel.Pair)),
        new(
            "NoSenderForDestinationCountryIsAClearAnswer",
            b => b.Associate(NewJersey, App, Acme).Associate(AlphaEurope, App, Acme)
                .AddStrategy(Strategy("everyone", priorities: Rank(SenderType.VirtualLongNumber, 1))),
            AppAcmeToChicago with { Destination = "+33612345678" },
            Unrouted(UnroutedReason.NoSenderForDestination)),
        new(
            "UnknownDestinationCountryLeavesNoNumber",
            b => b.Associate(NewJersey, App, Acme),
            AppAcmeToChicago with { Destination = "not-a-number" },
            Unrouted(UnroutedReason.NoSenderForDestination)),
        new(
            "PriorityLowestGroupWins",
            b => b.Associate(NewJersey, App, Acme).Associate(ShortCode, App, Acme)
                .AddStrategy(Strategy("codes-first", App, priorities: [Rank(SenderType.VirtualLongNumber, 2), Rank(SenderType.ShortCode, 1)])),
            AppAcmeToChicago,
            Routed(ShortCode.Value, RoutingLevel.Pair, "codes-first")),
        new(
            "PriorityGroupWithoutUsableSendersIsSkipped",
            b => b.Associate(NewJersey, App, Acme).Associate(AlphaEurope, App, Acme)
                .AddStrategy(Strategy("alpha-first", App, priorities: [Rank(SenderType.Alphanumeric, 1), Rank(SenderType.VirtualLongNumber, 2)])),
            AppAcmeToChicago,
            Routed(NewJersey.Value, RoutingLevel.Pair, "alpha-first")),
        new(
            "UnrankedTypesComeAfterRankedOnes",
            b => b.Associate(NewJersey, App, Acme).Associate(TollFree, App, Acme)
                .AddStrategy(Strategy("toll-free-only", App, priorities: Rank(SenderType.TollFreeNumber, 4))),
            AppAcmeToChicago,
            Routed(TollFree.Value, RoutingLevel.Pair, "toll-free-only")),
        new(
            "UnrankedTypesUsedWhenNoRankedSenderIsLeft",
            b => b.Associate(NewJersey, App, Acme).Associate(AlphaEurope, App, Acme)
                .AddStrategy(Strategy("alpha-only", App, priorities: Rank(SenderType.Alphanumeric, 1))),
            AppAcmeToChicago,
            Routed(NewJersey.Value, RoutingLevel.Pair, "alpha-only")),
        new(
            "GeolocatedPrefersDestinationAreaCode",
            b => b.Associate(NewJersey, App, Acme).Associate(NewYork, App, Acme)
                .AddStrategy(Strategy("local", App, geolocated: true)),
            AppAcmeToChicago with { Destination = NewYorkDestination },
            Routed(NewYork.Value, RoutingLevel.Pair, "local")),
        new(
            "GeolocatedFallsBackWhenNoSenderHasTheAreaCode",
            b => b.Associate(NewJersey, App, Acme).AddStrategy(Strategy("local", App, geolocated: true)),
            AppAcmeToChicago,
            Routed(NewJersey.Value, RoutingLevel.Pair, "local")),
        new(
            "GeolocatedRunsAfterPriorities",
            b => b.Associate(NewYork, App, Acme).Associate(TollFree, App, Acme)
                .AddStrategy(Strategy("local-toll-free", App, geolocated: true, priorities: Rank(SenderType.TollFreeNumber, 1))),
            AppAcmeToChicago with { Destination = NewYorkDestination },
            Routed(TollFree.Value, RoutingLevel.Pair, "local-toll-free")),
    }.ToDictionary(c => c.Rule);

    public static TheoryData<string> Rules => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Rules))]
    public void Rule(string rule)
    {
        var row = Cases[rule];
        var builder = new RoutingTableBuilder("shop");
        row.Setup(builder);

        var answer = new RoutingResolver(builder.Build()).ResolveOutbound(row.Request);

        Assert.Equal(row.Expected, new OutboundExpectation(answer.Sender?.Value, answer.Level, answer.Strategy, answer.Error));
        Assert.NotEmpty(answer.Explanation);
        Assert.Equal(answer.Error is null, answer.Message is null);
    }
}
