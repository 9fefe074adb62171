using CpaasX.Operator.Tests.Support;
using CpaasX.Routing.Model;
using CpaasX.Routing.Resolution;
using CpaasX.Routing.Table;

namespace CpaasX.Operator.Tests.EndToEnd;

/// <summary>
/// Each sample set applied with kubectl becomes Ready, the operator publishes the table compile builds from the same
/// files, and that routing ConfigMap, read back with kubectl, answers as docs/samples.md says.
/// </summary>
[Trait(EndToEndTraits.Category, EndToEndTraits.EndToEnd)]
[Collection(EndToEndTraits.Collection)]
public sealed class SampleEndToEndTests : IAsyncLifetime
{
    private EndToEndCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await EndToEndCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Environments_samples_route_each_environment_from_its_own_senders()
    {
        var resolver = await ApplyAndResolveAsync("environments", "shop");

        Assert.Equal("+12015550103", resolver.ResolveOutbound(new OutboundRequest("checkout-prod", null, Channel.Sms, "+12015550199")).Sender?.Value);
        Assert.Equal("SHOPCO", resolver.ResolveOutbound(new OutboundRequest("checkout-prod", null, Channel.Sms, "+447700900123")).Sender?.Value);
        Assert.Equal(UnroutedReason.NoSender, resolver.ResolveOutbound(new OutboundRequest("checkout-dev", null, Channel.Mms, "+12015550199")).Error);
        Assert.Equal("checkout-prod", resolver.ResolveInbound(new InboundRequest("+12015550103", Channel.Voice)).Route?.ApplicationId);
    }

    [Fact]
    public async Task Customers_samples_route_each_customer_from_its_pair_senders()
    {
        var resolver = await ApplyAndResolveAsync("customers", "notify-saas");

        Assert.Equal("+12015550111", resolver.ResolveOutbound(new OutboundRequest("notifier", "acme", Channel.Sms, "+12015550142")).Sender?.Value);
        Assert.Equal("INITECH", resolver.ResolveOutbound(new OutboundRequest("notifier", "initech", Channel.Sms, "+447700900123")).Sender?.Value);
        Assert.Equal(UnroutedReason.NoSender, resolver.ResolveOutbound(new OutboundRequest("notifier", null, Channel.Sms, "+12015550142")).Error);
        Assert.Equal(
            new RouteTarget("notifier", "globex-corporation", "ResourceAssociation/globex-tollfree-voice"),
            resolver.ResolveInbound(new InboundRequest("+18005550114", Channel.Voice)).Route);
    }

    [Fact]
    public async Task Inbound_samples_route_keywords_the_default_and_voice_only_through_the_voice_association()
    {
        var resolver = await ApplyAndResolveAsync("inbound", "helpdesk");

        Assert.Equal("+13125550121", resolver.ResolveOutbound(new OutboundRequest("support-bot", null, Channel.Sms, "+13125550199")).Sender?.Value);
        Assert.Equal(
            new RouteTarget("billing", "retail", "InboundConfiguration/support-line-billing"),
            resolver.ResolveInbound(new InboundRequest("+13125550121", Channel.Sms, "billing invoice 42")).Route);
        Assert.Equal(
            new RouteTarget("default", "retail", "InboundConfiguration/support-line-default"),
            resolver.ResolveInbound(new InboundRequest("+13125550121", Channel.Sms, "hello, my order is late")).Route);
        Assert.Equal(
            new RouteTarget("support-bot", null, "ResourceAssociation/support-line-voice"),
            resolver.ResolveInbound(new InboundRequest("+13125550121", Channel.Voice)).Route);
        Assert.Equal(UnroutedReason.VoiceRequiresAssociation, resolver.ResolveInbound(new InboundRequest("55123", Channel.Voice)).Error);
        Assert.Equal(UnroutedReason.NoKeywordMatch, resolver.ResolveInbound(new InboundRequest("55123", Channel.Sms, "hello")).Error);
    }

    private async Task<RoutingResolver> ApplyAndResolveAsync(string set, string @namespace)
    {
        await _cluster.ApplySamplesAsync(set);
        await _cluster.WaitAllReadyAsync(@namespace);
        await _cluster.WaitUntilPublishedAsync(@namespace, EndToEndCluster.CompiledHash(set));
        return await _cluster.ResolverAsync(@namespace);
    }
}
