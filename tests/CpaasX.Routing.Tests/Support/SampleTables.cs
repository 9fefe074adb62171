using CpaasX.Routing.Model;
using CpaasX.Routing.Table;

using static CpaasX.Routing.Tests.Support.Senders;

namespace CpaasX.Routing.Tests.Support;

/// <summary>A namespace with every kind of entry, as the samples describe it: environments, customers, keywords, a shared number.</summary>
internal static class SampleTables
{
    public static RoutingTable Shop() => new RoutingTableBuilder("shop")
        .AddApplication("checkout-prod", "Checkout (production)", "checkout-prod")
        .AddApplication("checkout-staging", null, "checkout-staging")
        .AddEntity("acme", "ACME Corp", "acme")
        .AddEntity("globex", null, "globex")
        .Associate(NewJersey, "checkout-prod", "acme")
        .Associate(NewYork, "checkout-prod", null)
        .Associate(AlphaEurope, "checkout-prod", null)
        .Associate(TollFree, null, "globex")
        .Associate(NewJersey, "checkout-prod", null, Channel.Voice)
        .Associate(WhatsApp, "checkout-staging", null, Channel.WhatsApp)
        .AddAssociation("mail", new SenderResource("mail-domain", ResourceType.Domain, "mail.shop.example"), Channel.Email, "checkout-prod", null)
        .AddStrategy(Strategy("us-local", "checkout-prod", channel: Channel.Sms, country: "US", sticky: true, geolocated: true,
            priorities: [Rank(SenderType.VirtualLongNumber, 1), Rank(SenderType.Alphanumeric, 2)]))
        .AddStrategy(Strategy("everyone"))
        .AddInboundResource(NewJersey, [Channel.Sms, Channel.Mms, Channel.Voice], applicationId: "checkout-prod")
        .AddInboundConfiguration("acme-stop", NewJersey.Name, Channel.Sms, "stop", "checkout-prod", "acme")
        .AddInboundConfiguration("main-default", NewJersey.Name, Channel.Sms, null, "checkout-staging", null)
        .AddInboundResource(ShortCode, [Channel.Sms], shared: true)
        .AddInboundConfiguration("globex-join", ShortCode.Name, Channel.Sms, "JOIN", null, "globex")
        .AddInboundResource(WhatsApp, [Channel.WhatsApp])
        .AddResource(NewJersey).AddResource(NewYork).AddResource(AlphaEurope).AddResource(TollFree).AddResource(ShortCode).AddResource(WhatsApp)
        .AddResource(London)
        .AddUnreadyResource("copy-line", ResourceType.Number, NewJersey.Value, [Channel.Sms], "Duplicate", "bought once: Resource shop/nj-line is older")
        .Build();
}
