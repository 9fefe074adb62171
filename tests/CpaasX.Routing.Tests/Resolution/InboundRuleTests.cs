using CpaasX.Routing.Model;
using CpaasX.Routing.Resolution;
using CpaasX.Routing.Table;

using static CpaasX.Routing.Tests.Resolution.InboundExpectation;
using static CpaasX.Routing.Tests.Support.Senders;

namespace CpaasX.Routing.Tests.Resolution;

/// <summary>The inbound rules of the domain, one row per rule and per precedence, named after the rule.</summary>
public sealed class InboundRuleTests
{
    private const string App = "checkout-prod";
    private const string Support = "support";
    private const string Acme = "acme";

    private static readonly Channel[] SmsAndMms = [Channel.Sms, Channel.Mms];
    private static readonly InboundRequest SmsToNewJersey = new(NewJersey.Value, Channel.Sms, "hello there");

    internal static readonly Dictionary<string, InboundCase> Cases = new InboundCase[]
    {
        new(
            "KeywordIsFirstWordMatchedCaseInsensitively",
            b => b.AddInboundResource(NewJersey, SmsAndMms)
                .AddInboundConfiguration("acme-stop", NewJersey.Name, Channel.Sms, "Stop", Support, Acme)
                .AddInboundConfiguration("main-default", NewJersey.Name, Channel.Sms, null, App, null),
            SmsToNewJersey with { Text = "  sTOP   sending" },
            Routed(Support, Acme, "InboundConfiguration/acme-stop", "STOP")),
        new(
            "KeywordLaterInTextDoesNotMatch",
            b => b.AddInboundResource(NewJersey, SmsAndMms)
                .AddInboundConfiguration("acme-stop", NewJersey.Name, Channel.Sms, "STOP", Support, Acme)
                .AddInboundConfiguration("main-default", NewJersey.Name, Channel.Sms, null, App, null),
            SmsToNewJersey with { Text = "please stop" },
            Routed(App, null, "InboundConfiguration/main-default")),
        new(
            "KeywordRouteOverDefaultRoute",
            b => b.AddInboundResource(NewJersey, SmsAndMms, applicationId: "number-level")
                .AddInboundConfiguration("acme-info", NewJersey.Name, Channel.Sms, "INFO", Support, Acme)
                .AddInboundConfiguration("main-default", NewJersey.Name, Channel.Sms, null, App, null),
            SmsToNewJersey with { Text = "info" },
            Routed(Support, Acme, "InboundConfiguration/acme-info", "INFO")),
        new(
            "KeywordOfOtherChannelDoesNotMatch",
            b => b.AddInboundResource(NewJersey, SmsAndMms)
                .AddInboundConfiguration("mms-info", NewJersey.Name, Channel.Mms, "INFO", Support, Acme),
            SmsToNewJersey with { Text = "INFO" },
            Routed(RouteSources.DefaultApplicationId, null, RouteSources.Default)),
        new(
            "DefaultConfigurationWhenNoKeywordMatches",
            b => b.AddInboundResource(NewJersey, SmsAndMms, applicationId: "number-level")
                .AddInboundConfiguration("main-default", NewJersey.Name, Channel.Sms, null, App, Acme),
            SmsToNewJersey,
            Routed(App, Acme, "InboundConfiguration/main-default")),
        new(
            "ConfigurationWithEntityOnlyRoutesToDefaultApplication",
            b => b.AddInboundResource(NewJersey, SmsAndMms, applicationId: "number-level")
                .AddInboundConfiguration("acme-default", NewJersey.Name, Channel.Sms, null, null, Acme),
            SmsToNewJersey,
            Routed(RouteSources.DefaultApplicationId, Acme, "InboundConfiguration/acme-default")),
        new(
            "KeywordConfigurationWithoutPlatformFallsToNumberLevel",
            b => b.AddInboundResource(NewJersey, SmsAndMms, applicationId: App, entityId: Acme)
                .AddInboundConfiguration("bare-stop", NewJersey.Name, Channel.Sms, "STOP", null, null),
            SmsToNewJersey with { Text = "STOP" },
            Routed(App, Acme, $"Resource/{NewJersey.Name}", "STOP")),
        new(
            "DefaultConfigurationWithoutPlatformFallsToNumberLevel",
            b => b.AddInboundResource(NewJersey, SmsAndMms, applicationId: App, entityId: Acme)
                .AddInboundConfiguration("bare-default", NewJersey.Name, Channel.Sms, null, null, null),
            SmsToNewJersey,
            Routed(App, Acme, $"Resource/{NewJersey.Name}")),
        new(
            "NoConfigurationUsesNumberLevel",
            b => b.AddInboundResource(NewJersey, SmsAndMms, applicationId: App),
            SmsToNewJersey with { Channel = Channel.Mms },
            Routed(App, null, $"Resource/{NewJersey.Name}")),
        new(
            "NothingSetAnywhereRoutesToDefaultApplication",
            b => b.AddInboundResource(NewJersey, SmsAndMms)
                .AddInboundConfiguration("bare-stop", NewJersey.Name, Channel.Sms, "STOP", null, null),
            SmsToNewJersey with { Text = "stop" },
            Routed(RouteSources.DefaultApplicationId, null, RouteSources.Default, "STOP")),
        new(
            "ChatAppSenderRoutesLikeANumber",
            b => b.AddInboundResource(WhatsApp, [Channel.WhatsApp])
                .AddInboundConfiguration("wa-default", WhatsApp.Name, Channel.WhatsApp, null, Support, null),
            new InboundRequest(WhatsApp.Value, Channel.WhatsApp, "hi"),
            Routed(Support, null, "InboundConfiguration/wa-default")),
        new(
            "VoiceOnlyThroughVoiceAssociation",
            b => b.AddInboundResource(NewJersey, [Channel.Sms, Channel.Voice], applicationId: "number-level")
                .AddAssociation("voice-line", NewJersey, Channel.Voice, Support, Acme),
            new InboundRequest(NewJersey.Value, Channel.Voice),
            Routed(Support, Acme, "ResourceAssociation/voice-line")),
        new(
            "VoiceIgnoresNumberLevelAndConfigurations",
            b => b.AddInboundResource(NewJersey, [Channel.Sms, Channel.Voice], applicationId: App, entityId: Acme)
                .AddInboundConfiguration("main-default", NewJersey.Name, Channel.Sms, null, App, null),
            new InboundRequest(NewJersey.Value, Channel.Voice),
            Unrouted(UnroutedReason.VoiceRequiresAssociation)),
        new(
            "SharedNumberRoutesKeywords",
            b => b.AddInboundResource(ShortCode, [Channel.Sms], shared: true)
                .AddInboundConfiguration("acme-join", ShortCode.Name, Channel.Sms, "JOIN", Support, Acme),
            new InboundRequest(ShortCode.Value, Channel.Sms, "join now"),
            Routed(Support, Acme, "InboundConfiguration/acme-join", "JOIN")),
        new(
            "SharedNumberWithoutDefaultLeavesOtherTextUnrouted",
            b => b.AddInboundResource(ShortCode, [Channel.Sms], shared: true, applicationId: App)
                .AddInboundConfiguration("acme-join", ShortCode.Name, Channel.Sms, "JOIN", Support, Acme),
            new InboundRequest(ShortCode.Value, Channel.Sms, "hello"),
            Unrouted(UnroutedReason.NoKeywordMatch)),
        new(
            "UnknownNumberIsUnrouted",
            b => b.AddInboundResource(NewJersey, SmsAndMms),
            SmsToNewJersey with { Number = NewYork.Value },
            Unrouted(UnroutedReason.UnknownNumber)),
        new(
            "KnownNumberWithoutTheChannelIsUnrouted",
            b => b.AddInboundResource(NewJersey, [Channel.Sms]),
            SmsToNewJersey with { Channel = Channel.Mms },
            Unrouted(UnroutedReason.NoRouteForChannel)),
    }.ToDictionary(c => c.Rule);

    public static TheoryData<string> Rules => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Rules))]
    public void Rule(string rule)
    {
        var row = Cases[rule];
        var builder = new RoutingTableBuilder("shop");
        row.Setup(builder);

        var answer = new RoutingResolver(builder.Build()).ResolveInbound(row.Request);

        Assert.Equal(
            row.Expected,
            new InboundExpectation(answer.Route?.ApplicationId, answer.Route?.EntityId, answer.Route?.Source, answer.Keyword, answer.Error));
        Assert.NotEmpty(answer.Explanation);
    }
}
