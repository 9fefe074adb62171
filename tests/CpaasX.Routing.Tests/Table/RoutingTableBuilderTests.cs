using CpaasX.Routing.Model;
using CpaasX.Routing.Table;

using static CpaasX.Routing.Tests.Support.Senders;

namespace CpaasX.Routing.Tests.Table;

/// <summary>What the builder derives for the compiler: sender types, pool keys, inbound entries, and its guard rails.</summary>
public sealed class RoutingTableBuilderTests
{
    [Theory]
    [InlineData(ResourceType.Number, NumberType.VirtualLongNumber, SenderType.VirtualLongNumber)]
    [InlineData(ResourceType.Number, NumberType.ShortCode, SenderType.ShortCode)]
    [InlineData(ResourceType.Number, NumberType.TollFree, SenderType.TollFreeNumber)]
    [InlineData(ResourceType.Alpha, null, SenderType.Alphanumeric)]
    [InlineData(ResourceType.Domain, null, null)]
    [InlineData(ResourceType.ChatApp, null, null)]
    public void SenderTypeFollowsResourceAndNumberType(ResourceType type, NumberType? numberType, SenderType? senderType)
    {
        Assert.Equal(senderType, new SenderResource("r", type, "v", numberType).SenderType);
    }

    [Fact]
    public void Association_without_application_sits_under_default()
    {
        var table = new RoutingTableBuilder("shop").Associate(NewJersey, null, "acme").Build();

        var pool = Assert.Single(table.OutboundPools);
        Assert.Equal((RouteSources.DefaultApplicationId, "acme", Channel.Sms), (pool.ApplicationId, pool.EntityId, pool.Channel));
    }

    [Fact]
    public void Same_resource_twice_in_a_pool_keeps_the_association_whose_name_sorts_first()
    {
        var table = new RoutingTableBuilder("shop")
            .AddAssociation("b-association", NewJersey, Channel.Sms, "app", null)
            .AddAssociation("a-association", NewJersey, Channel.Sms, "app", null)
            .Build();

        Assert.Equal("ResourceAssociation/a-association", Assert.Single(Assert.Single(table.OutboundPools).Senders).Source);
    }

    [Fact]
    public void Inbound_resource_gets_an_entry_per_channel_but_never_voice_without_association()
    {
        var table = new RoutingTableBuilder("shop").AddInboundResource(NewJersey, [Channel.Sms, Channel.Mms, Channel.Voice]).Build();

        Assert.Equal([Channel.Sms, Channel.Mms], table.InboundRoutes.Select(r => r.Channel));
        Assert.All(table.InboundRoutes, r => Assert.Equal(RouteSources.DefaultRoute, r.DefaultRoute));
    }

    [Fact]
    public void Keywords_are_stored_upper_case_once_per_keyword()
    {
        var table = new RoutingTableBuilder("shop")
            .AddInboundResource(NewJersey, [Channel.Sms])
            .AddInboundConfiguration("b-stop", NewJersey.Name, Channel.Sms, "Stop", "app-b", null)
            .AddInboundConfiguration("a-stop", NewJersey.Name, Channel.Sms, "STOP", "app-a", null)
            .Build();

        var keyword = Assert.Single(Assert.Single(table.InboundRoutes).KeywordRoutes);
        Assert.Equal(("STOP", "InboundConfiguration/a-stop"), (keyword.Keyword, keyword.Route.Source));
    }

    [Fact]
    public void Configuration_of_a_resource_not_added_is_a_caller_error()
    {
        var builder = new RoutingTableBuilder("shop").AddInboundConfiguration("stop", "missing", Channel.Sms, "STOP", "app", null);

        var error = Assert.Throws<InvalidOperationException>(builder.Build);
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }
}
