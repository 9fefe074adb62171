using CpaasX.Routing.Model;
using CpaasX.Routing.Resolution;
using CpaasX.Routing.Table;

using CsCheck;

using static CpaasX.Routing.Tests.Support.Senders;

namespace CpaasX.Routing.Tests.Model;

/// <summary>Numbers in every form the platform and people write them resolve like their canonical E.164 form.</summary>
public sealed class NumberFormsTests
{
    private const string App = "checkout-prod";

    private static readonly SenderResource[] Numbers = [NewJersey, NewYork, Toronto, TollFree, London];

    private static readonly RoutingResolver Resolver = new(Table());

    [Theory]
    [InlineData("41793026727", "+41793026727")]
    [InlineData("1201000001", "+1201000001")]
    [InlineData("+1 (201) 555-0101", "+12015550101")]
    [InlineData("0012015550101", "+12015550101")]
    [InlineData("00 41 79 302 67 27", "+41793026727")]
    [InlineData("+44.7700.900001", "+447700900001")]
    [InlineData(" +12015550101 ", "+12015550101")]
    [InlineData("+12015550101", "+12015550101")]
    [InlineData("12345", "12345")]
    [InlineData("1234-5678", "12345678")]
    [InlineData("SHOP CO", "SHOP CO")]
    [InlineData("mail.shop.example", "mail.shop.example")]
    [InlineData("main-line", "main-line")]
    [InlineData("+1 201 + 555", "+1 201 + 555")]
    [InlineData("0201555010", "0201555010")]
    public void Normalize_writes_each_form_canonically(string written, string canonical)
    {
        Assert.Equal(canonical, PhoneNumbers.Normalize(written));
    }

    [Fact]
    public void Every_rendering_of_a_number_resolves_like_its_canonical_form()
    {
        var tableNumber = Gen.Int[0, Numbers.Length - 1].Select(i => Numbers[i].Value);
        var destination = Gen.Select(Gen.OneOfConst("1", "44", "41", "33"), Gen.Long[1_000_000_000, 9_999_999_999])
            .Select((code, rest) => $"+{code}{rest}");

        Gen.Select(Gen.OneOf(tableNumber, destination), Gen.Int[0, 2], Gen.Int.Array[0, 6], Gen.Bool).Sample((canonical, prefix, cuts, parenthesised) =>
        {
            var written = Render(canonical, prefix, cuts, parenthesised);
            var inbound = (Resolver.ResolveInbound(new InboundRequest(written, Channel.Sms, "hello")), Resolver.ResolveInbound(new InboundRequest(canonical, Channel.Sms, "hello")));
            var asSender = (ExplicitFrom(written), ExplicitFrom(canonical));
            var asDestination = (StickyTo(written), StickyTo(canonical));
            return PhoneNumbers.Normalize(written) == canonical
                && inbound.Item1.Route == inbound.Item2.Route && inbound.Item1.Error == inbound.Item2.Error
                && asSender.Item1.Sender == asSender.Item2.Sender && asSender.Item1.Error == asSender.Item2.Error
                && asDestination.Item1.Sender == asDestination.Item2.Sender && asDestination.Item1.Error == asDestination.Item2.Error;
        }, iter: 2000);
    }

    [Fact]
    public void An_inbound_webhook_number_without_plus_routes_like_the_resource()
    {
        var webhook = Resolver.ResolveInbound(new InboundRequest("12015550101", Channel.Sms));

        Assert.True(webhook.IsRouted, webhook.Message);
        Assert.Equal(App, webhook.Route!.ApplicationId);
    }

    private static OutboundResolution ExplicitFrom(string sender) =>
        Resolver.ResolveOutbound(new OutboundRequest(App, null, Channel.Sms, "+13125550000", sender));

    private static OutboundResolution StickyTo(string destination) =>
        Resolver.ResolveOutbound(new OutboundRequest(App, null, Channel.Sms, destination));

    // The canonical "+digits" written with a prefix of "+", "00" or none, separators cut in, and maybe the first group in parentheses.
    private static string Render(string canonical, int prefix, int[] cuts, bool parenthesised)
    {
        var digits = canonical[1..];
        var separators = new[] { " ", "-", ".", " " };
        var parts = new List<string>();
        var at = 0;
        foreach (var cut in cuts.Select(c => (int)((uint)c % (uint)digits.Length)).Order().Distinct().Where(c => c > 0))
        {
            parts.Add(digits[at..cut]);
            at = cut;
        }

        parts.Add(digits[at..]);
        if (parenthesised && parts.Count > 1)
        {
            parts[0] = $"({parts[0]})";
        }

        var body = string.Concat(parts.Select((part, i) => i == 0 ? part : separators[i % separators.Length] + part));
        return (prefix switch { 0 => "+", 1 => "00", _ => "" }) + body;
    }

    private static RoutingTable Table()
    {
        var builder = new RoutingTableBuilder("shop")
            .AddStrategy(Strategy("sticky", App, sticky: true));
        foreach (var number in Numbers)
        {
            builder.AddResource(number).AddInboundResource(number, [Channel.Sms], applicationId: App).Associate(number, App, null);
        }

        return builder.Build();
    }
}
