using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Routing.Model;
using CpaasX.Routing.Resolution;
using CpaasX.Routing.Table;

using static CpaasX.Operator.Tests.Support.NamespaceObjects;

namespace CpaasX.Operator.Tests.Compilation;

/// <summary>
/// Where compile states a routing answer in a status (a strategy's pool, an inbound configuration's effective route),
/// the resolver on the compiled table gives the same answer.
/// </summary>
public sealed class CompileAgreesWithResolverTests
{
    public static TheoryData<Resource, string, string, bool> StrategyCountries() => new()
    {
        { Number("line"), "US", "+12125550100", true },
        { Number("line"), "CA", "+14165550100", false },
        { Number("line", number: "+14165550101", country: "CA"), "CA", "+14165550100", true },
        { Alpha("line"), "GB", "+447700900123", true },
        { Alpha("line", countries: ["US", "CA"]), "GB", "+447700900123", false },
        { Alpha("line", countries: ["US", "GB"]), "GB", "+447700900123", true },
    };

    [Theory]
    [MemberData(nameof(StrategyCountries))]
    public void Strategy_has_senders_exactly_when_the_resolver_routes_to_its_country(
        Resource sender, string country, string destination, bool hasSenders)
    {
        var result = Compile(
            App("checkout"), sender, Assoc("line-sms", "line", Channel.Sms, "checkout"), Strategy("by-country", "checkout", channel: Channel.Sms, country: country));

        var ready = result.Find("SenderStrategy/by-country").Ready();
        var answer = new RoutingResolver(result.Table).ResolveOutbound(new OutboundRequest("checkout", null, Channel.Sms, destination));

        Assert.Equal(hasSenders ? ConditionReasons.Resolved : ConditionReasons.NoSenders, ready.Reason);
        Assert.Equal(hasSenders, answer.IsRouted);
    }

    public static TheoryData<string?, string?, string?, string?, string, string?, RouteSource> InboundLevels() => new()
    {
        { "support", null, "sales", "acme", "support", null, RouteSource.Configuration },
        { null, "acme", "sales", null, "default", "acme", RouteSource.Configuration },
        { null, null, "sales", "acme", "sales", "acme", RouteSource.Resource },
        { null, null, null, "acme", "default", "acme", RouteSource.Resource },
        { null, null, null, null, "default", null, RouteSource.Default },
    };

    [Theory]
    [MemberData(nameof(InboundLevels))]
    public void Inbound_status_route_is_the_route_the_resolver_takes(
        string? application, string? entity, string? numberApplication, string? numberEntity, string applicationId, string? entityId, RouteSource source)
    {
        var result = Compile(
            App("support"),
            App("sales"),
            Ent("acme"),
            Number("line", application: numberApplication, entity: numberEntity),
            Inbound("line-stop", "line", keyword: "STOP", application: application, entity: entity));

        var status = ((InboundConfigurationStatus)result.Find("InboundConfiguration/line-stop").DesiredStatus).EffectiveRoute;
        var route = new RoutingResolver(result.Table).ResolveInbound(new InboundRequest("+12015550101", Channel.Sms, "stop")).Route;
        var expectedSource = source switch
        {
            RouteSource.Configuration => "InboundConfiguration/line-stop",
            RouteSource.Resource => "Resource/line",
            _ => RouteSources.Default,
        };

        Assert.Equal(new EffectiveRoute { ApplicationId = applicationId, EntityId = entityId, Source = source }, status);
        Assert.Equal(new RouteTarget(applicationId, entityId, expectedSource), route);
    }
}
