using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Routing.Model;
using CpaasX.Routing.Resolution;
using CpaasX.Routing.Table;

using static CpaasX.Operator.Tests.Support.NamespaceObjects;

namespace CpaasX.Operator.Tests.Compilation;

/// <summary>The table compile builds: only Ready objects, resolved with the routing library's rules.</summary>
public sealed class CompileRoutingTests
{
    [Fact]
    public void Not_ready_object_is_absent_while_the_namespace_still_routes()
    {
        var result = Compile(
            App("checkout"),
            Number("good-line", number: "+12015550101"),
            Number("bad-line", number: "+12015550102", country: "usa"),
            Assoc("good-sms", "good-line", Channel.Sms, "checkout"),
            Assoc("bad-sms", "bad-line", Channel.Sms, "checkout"),
            Inbound("bad-stop", "bad-line", keyword: "STOP"),
            Inbound("good-stop", "good-line", keyword: "STOP", application: "checkout"));
        RoutingResolver resolver = new(result.Table);

        Assert.Equal(ConditionReasons.ReferenceNotFound, result.Find("ResourceAssociation/bad-sms").Ready().Reason);
        var outbound = resolver.ResolveOutbound(new OutboundRequest("checkout", null, Channel.Sms, "+13125550000"));
        Assert.Equal("good-line", outbound.Sender?.Resource);
        Assert.DoesNotContain(result.Table.OutboundPools.SelectMany(pool => pool.Senders), sender => sender.Resource == "bad-line");
        Assert.Equal("InboundConfiguration/good-stop", resolver.ResolveInbound(new InboundRequest("+12015550101", Channel.Sms, "stop")).Route?.Source);
        Assert.False(resolver.ResolveInbound(new InboundRequest("+12015550102", Channel.Sms, "stop")).IsRouted);
    }

    [Fact]
    public void A_Ready_number_never_associated_is_an_explicit_sender_of_the_channels_it_fits()
    {
        var result = Compile(
            App("checkout"),
            Number("london", number: "+447700900001", country: "GB", capabilities: [Channel.Sms], created: Epoch),
            Number("copy", number: "+447700900001", country: "GB", capabilities: [Channel.Sms], created: Epoch.AddDays(1)));
        RoutingResolver resolver = new(result.Table);

        var byValue = resolver.ResolveOutbound(new OutboundRequest("checkout", null, Channel.Sms, "+13125550000", "447700900001"));
        var notReady = resolver.ResolveOutbound(new OutboundRequest("checkout", null, Channel.Sms, "+13125550000", "copy"));
        var voice = resolver.ResolveOutbound(new OutboundRequest("checkout", null, Channel.Voice, "+13125550000", "london"));

        Assert.Equal(Channel.Sms, Assert.Single(result.Table.Senders).Channel);
        Assert.Equal(("london", RoutingLevel.Explicit, false), (byValue.Sender?.Resource, byValue.Level, byValue.SenderAssociated));
        Assert.Equal(UnroutedReason.SenderNotReady, notReady.Error);
        Assert.StartsWith("Resource copy is not Ready: Duplicate: ", notReady.Message, StringComparison.Ordinal);
        Assert.Equal("Resource london cannot send VOICE: the NUMBER lacks the VOICE capability.", voice.Message);
    }

    [Fact]
    public void Conflict_loser_does_not_route()
    {
        var result = Compile(
            App("first"),
            App("second"),
            Number("line"),
            Assoc("voice-first", "line", Channel.Voice, "first", created: Epoch.AddDays(-1)),
            Assoc("voice-second", "line", Channel.Voice, "second"));

        var voice = new RoutingResolver(result.Table).ResolveInbound(new InboundRequest("+12015550101", Channel.Voice));

        Assert.Equal("first", voice.Route?.ApplicationId);
        Assert.Equal("ResourceAssociation/voice-first", voice.Route?.Source);
    }

    [Fact]
    public void Number_level_route_applies_when_no_configuration_routes()
    {
        var result = Compile(App("support"), Ent("acme"), Number("line", application: "support", entity: "acme"), Inbound("line-stop", "line", keyword: "STOP"));
        RoutingResolver resolver = new(result.Table);

        var stop = resolver.ResolveInbound(new InboundRequest("+12015550101", Channel.Sms, "STOP now")).Route;
        var other = resolver.ResolveInbound(new InboundRequest("+12015550101", Channel.Sms, "hello")).Route;

        Assert.Equal(new RouteTarget("support", "acme", "Resource/line"), stop);
        Assert.Equal(new RouteTarget("support", "acme", "Resource/line"), other);
    }

    [Fact]
    public void Ready_strategy_is_in_the_table_and_picks_from_its_pool()
    {
        var result = Compile(
            App("checkout"), Alpha("brand"), Number("line"),
            Assoc("brand-sms", "brand", Channel.Sms, "checkout"),
            Assoc("line-sms", "line", Channel.Sms, "checkout"),
            Strategy("numbers-first", "checkout", channel: Channel.Sms));

        var answer = new RoutingResolver(result.Table).ResolveOutbound(new OutboundRequest("checkout", null, Channel.Sms, "+13125550000"));

        Assert.Equal("numbers-first", answer.Strategy);
        Assert.Equal("line", answer.Sender?.Resource);
    }

    [Fact]
    public void Objects_without_any_routing_leave_an_empty_table()
    {
        var table = Compile(Number("line", country: "usa")).Table;

        Assert.Empty(table.InboundRoutes);
        Assert.Equal(Namespace, table.Namespace);
    }
}
