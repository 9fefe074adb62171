using CpaasX.Routing.Model;
using CpaasX.Routing.Resolution;
using CpaasX.Routing.Table;

using static CpaasX.Routing.Tests.Resolution.OutboundExpectation;
using static CpaasX.Routing.Tests.Support.Senders;

namespace CpaasX.Routing.Tests.Resolution;

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
            "ExplicitSenderNeedsNoAssociation",
            b => b.Associate(NewJersey, App, Acme).AddResource(London),
            AppAcmeToChicago with { Sender = London.Value },
            Routed(London.Value, RoutingLevel.Explicit)),
        new(
            "ExplicitSenderNeedsNoUsOrCaLongCodeForSms",
            b => b.AddResource(TollFree).AddResource(ShortCode),
            AppAcmeToChicago with { Sender = ShortCode.Value },
            Routed(ShortCode.Value, RoutingLevel.Explicit)),
        new(
            "ExplicitSenderWrittenWithoutPlus",
            b => b.AddResource(London),
            AppAcmeToChicago with { Sender = "447700900001" },
            Routed(London.Value, RoutingLevel.Explicit)),
        new(
            "ExplicitAlphaForSms",
            b => b.AddResource(AlphaEurope),
            AppAcmeToChicago with { Sender = AlphaEurope.Value },
            Routed(AlphaEurope.Value, RoutingLevel.Explicit)),
        new(
            "ExplicitSenderNotAResourceIsUnknown",
            b => b.Associate(NewJersey, App, Acme),
            AppAcmeToChicago with { Sender = "+19995550100" },
            Unrouted(UnroutedReason.UnknownSender)),
        new(
            "ExplicitSenderNotReadyIsRefused",
            b => b.AddResource(NewJersey).AddUnreadyResource("copy-line", ResourceType.Number, "+12015550199", [Channel.Sms], "Duplicate", "bought once"),
            AppAcmeToChicago with { Sender = "copy-line" },
            Unrouted(UnroutedReason.SenderNotReady)),
        new(
            "ExplicitSenderLackingTheChannelsCapabilityDoesNotFit",
            b => b.AddResource(Number("voice-line", "+12015550111", NumberType.VirtualLongNumber, "US", Channel.Voice)),
            AppAcmeToChicago with { Sender = "+12015550111" },
            Unrouted(UnroutedReason.SenderDoesNotFitChannel)),
        new(
            "ExplicitAlphaForMmsDoesNotFit",
            b => b.AddResource(AlphaEverywhere),
            AppAcmeToChicago with { Channel = Channel.Mms, Sender = AlphaEverywhere.Name },
            Unrouted(UnroutedReason.SenderDoesNotFitChannel)),
        new(
            "ExplicitChatAppOfAnotherChannelDoesNotFit",
            b => b.AddResource(WhatsApp),
            AppAcmeToChicago with { Channel = Channel.Viber, Sender = WhatsApp.Value },
            Unrouted(UnroutedReason.SenderDoesNotFitChannel)),
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

    [Fact]
    public void Explicit_sender_says_whether_it_is_also_associated_with_the_requester()
    {
        var resolver = new RoutingResolver(new RoutingTableBuilder("shop")
            .AddResource(NewJersey).AddResource(London)
            .Associate(NewJersey, App, Acme).Associate(London, App, "globex")
            .Build());

        var own = resolver.ResolveOutbound(AppAcmeToChicago with { Sender = NewJersey.Name });
        var othersCustomer = resolver.ResolveOutbound(AppAcmeToChicago with { Sender = London.Name });
        var byStrategy = resolver.ResolveOutbound(AppAcmeToChicago);

        Assert.True(own.SenderAssociated);
        Assert.Contains("association: also in the SMS pool of application 'checkout-prod', entity 'acme' (Pair level)", own.Explanation);
        Assert.False(othersCustomer.SenderAssociated);
        Assert.Equal(RoutingLevel.Explicit, othersCustomer.Level);
        Assert.Contains(othersCustomer.Explanation, line => line.StartsWith("association: not in the SMS pool", StringComparison.Ordinal));
        Assert.Null(byStrategy.SenderAssociated);
    }

    [Fact]
    public void Explicit_sender_refusals_name_what_is_wrong()
    {
        var resolver = new RoutingResolver(new RoutingTableBuilder("shop")
            .AddResource(Number("voice-line", "+12015550111", NumberType.VirtualLongNumber, "US", Channel.Voice))
            .AddResource(AlphaEverywhere)
            .AddUnreadyResource("copy-line", ResourceType.Number, "+12015550199", [Channel.Sms], "Duplicate", "+12015550199 is already declared by Resource shop/main-line, which is older")
            .Build());

        string? Message(string sender, Channel channel = Channel.Sms) =>
            resolver.ResolveOutbound(AppAcmeToChicago with { Channel = channel, Sender = sender }).Message;

        Assert.Equal("+19995550100 is not a Resource of this namespace.", Message("+19995550100"));
        Assert.Equal(
            "Resource copy-line is not Ready: Duplicate: +12015550199 is already declared by Resource shop/main-line, which is older",
            Message("1 (201) 555-0199"));
        Assert.Equal("Resource voice-line cannot send SMS: the NUMBER lacks the SMS capability.", Message("voice-line"));
        Assert.Equal("Resource alpha-everywhere cannot send MMS: MMS takes a NUMBER with MMS, not an ALPHA.", Message("SHOPALL", Channel.Mms));
        Assert.Equal("Resource alpha-everywhere cannot send EMAIL: EMAIL takes a DOMAIN, not an ALPHA.", Message("SHOPALL", Channel.Email));
    }
}
