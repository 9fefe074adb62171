using CpaasX.Operator.Api.Serialization;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Operator.Tests.Support;
using CpaasX.Routing.Model;
using CpaasX.Routing.Resolution;
using CpaasX.Routing.Table;

namespace CpaasX.Operator.Tests.Compilation;

/// <summary>The three sample sets compile with every object Ready, and route as domain.md describes.</summary>
public sealed class SampleCompileTests
{
    public static TheoryData<string> Sets() => ["customers", "environments", "inbound"];

    [Theory]
    [MemberData(nameof(Sets))]
    public void Every_sample_object_is_ready(string set)
    {
        var result = CompileSet(set);

        Assert.NotEmpty(result.Objects);
        Assert.All(result.Objects, compiled =>
        {
            var ready = compiled.DesiredStatus.Conditions!.Single(condition => condition.Type == ConditionTypes.Ready);
            Assert.True(ready.Status == ConditionStatuses.True, $"{compiled.Object.Kind}/{compiled.Object.Metadata.Name}: {ready.Reason}: {ready.Message}");
        });
    }

    [Fact]
    public void Customers_pair_pool_with_its_strategy()
    {
        var answer = Resolver("customers").ResolveOutbound(new OutboundRequest("notifier", "acme", Channel.Sms, "+12015550000"));

        Assert.Equal(RoutingLevel.Pair, answer.Level);
        Assert.Equal("notifier-acme", answer.Strategy);
    }

    [Fact]
    public void Environments_each_application_sends_from_its_own_resources()
    {
        var answer = Resolver("environments").ResolveOutbound(new OutboundRequest("checkout-dev", null, Channel.Sms, "+12015550000"));

        Assert.Equal(RoutingLevel.Application, answer.Level);
        Assert.StartsWith("dev-", answer.Sender?.Resource, StringComparison.Ordinal);
    }

    [Fact]
    public void Environments_explicit_senders_as_samples_md_tells_them()
    {
        var resolver = Resolver("environments");
        OutboundResolution Send(string application, Channel channel, string sender, string to = "+447700900123") =>
            resolver.ResolveOutbound(new OutboundRequest(application, null, channel, to, sender));

        Assert.Equal(("+12015550104", true), (Send("checkout-prod", Channel.Sms, "prod-line-2").Sender?.Value, Send("checkout-prod", Channel.Sms, "prod-line-2").SenderAssociated));
        Assert.Equal(("SHOPCO", false), (Send("checkout-dev", Channel.Sms, "prod-alpha").Sender?.Value, Send("checkout-dev", Channel.Sms, "prod-alpha").SenderAssociated));
        Assert.Equal(UnroutedReason.UnknownSender, Send("checkout-prod", Channel.Sms, "support-mail").Error);
        Assert.Equal(UnroutedReason.SenderDoesNotFitChannel, Send("checkout-prod", Channel.Mms, "prod-alpha").Error);
        Assert.Equal("prod-line-2", Send("checkout-prod", Channel.Sms, "12015550104").Sender?.Resource);
        Assert.All(
            ["447700900123", "+44 7700 900123", "00447700900123"],
            to => Assert.Equal("SHOPCO", resolver.ResolveOutbound(new OutboundRequest("checkout-prod", null, Channel.Sms, to)).Sender?.Value));
    }

    [Theory]
    [InlineData("13125550121")]
    [InlineData("+1 (312) 555-0121")]
    [InlineData("0013125550121")]
    public void Inbound_number_in_any_form_routes_like_its_E164_form(string number)
    {
        var answer = Resolver("inbound").ResolveInbound(new InboundRequest(number, Channel.Sms, "billing invoice 42"));

        Assert.Equal("InboundConfiguration/support-line-billing", answer.Route?.Source);
    }

    [Theory]
    [InlineData("BILLING please", "InboundConfiguration/support-line-billing", "billing", "retail")]
    [InlineData("partner hello", "InboundConfiguration/support-line-partner", "support-bot", "wholesale")]
    [InlineData("hello", "InboundConfiguration/support-line-default", "default", "retail")]
    public void Inbound_keywords_and_default_configuration(string text, string source, string application, string entity)
    {
        var route = Resolver("inbound").ResolveInbound(new InboundRequest("+13125550121", Channel.Sms, text)).Route;

        Assert.Equal(new RouteTarget(application, entity, source), route);
    }

    [Fact]
    public void Inbound_voice_goes_through_the_voice_association()
    {
        var route = Resolver("inbound").ResolveInbound(new InboundRequest("+13125550121", Channel.Voice)).Route;

        Assert.Equal(new RouteTarget("support-bot", null, "ResourceAssociation/support-line-voice"), route);
    }

    [Fact]
    public void Inbound_shared_number_has_no_default_route()
    {
        var answer = Resolver("inbound").ResolveInbound(new InboundRequest("55123", Channel.Sms, "hello"));

        Assert.Equal(UnroutedReason.NoKeywordMatch, answer.Error);
    }

    private static RoutingResolver Resolver(string set) => new(CompileSet(set).Table);

    internal static CompileResult CompileSet(string set)
    {
        List<ICustomResource> objects = [.. ManifestReader.ReadPath(RepositoryRoot.Combine("config", "samples", set))
            .Select(document => document.Resource)
            .OfType<ICustomResource>()];
        var namespaceName = objects.Select(item => item.Metadata.NamespaceProperty).Distinct().Single();
        return NamespaceCompiler.Compile(
            NamespaceSnapshot.Of(namespaceName, objects), ResourceValueIndex.Build(objects.OfType<Resource>()), DateTimeOffset.UnixEpoch);
    }
}
