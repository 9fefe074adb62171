using CpaasX.Routing.Model;
using CpaasX.Routing.Table;

namespace CpaasX.Routing.Tests.Support;

/// <summary>Resources the tests associate: numbers of known area codes and countries, alpha senders, and the other kinds.</summary>
internal static class Senders
{
    public static readonly SenderResource NewJersey = Number("nj-line", "+12015550101", NumberType.VirtualLongNumber, "US");
    public static readonly SenderResource NewYork = Number("ny-line", "+12125550102", NumberType.VirtualLongNumber, "US");
    public static readonly SenderResource Toronto = Number("toronto-line", "+14165550104", NumberType.VirtualLongNumber, "CA");
    public static readonly SenderResource ShortCode = Number("short-code", "12345", NumberType.ShortCode, "US");
    public static readonly SenderResource TollFree = Number("toll-free", "+18005550105", NumberType.TollFree, "US");
    public static readonly SenderResource London = Number("london-line", "+447700900001", NumberType.VirtualLongNumber, "GB");
    public static readonly SenderResource AlphaEurope = new("alpha-europe", ResourceType.Alpha, "SHOPCO", Countries: ["GB", "DE"]);
    public static readonly SenderResource AlphaEverywhere = new("alpha-everywhere", ResourceType.Alpha, "SHOPALL");
    public static readonly SenderResource WhatsApp = new("whatsapp", ResourceType.ChatApp, "447860099299", Capabilities: [Channel.WhatsApp]);

    /// <summary>A number with SMS and MMS unless <paramref name="capabilities"/> says otherwise.</summary>
    public static SenderResource Number(string name, string value, NumberType type, string country, params Channel[] capabilities) =>
        new(name, ResourceType.Number, value, type, country, Capabilities: capabilities.Length > 0 ? capabilities : [Channel.Sms, Channel.Mms]);

    /// <summary>Associates <paramref name="resource"/> for <paramref name="channel"/>, naming the association after both.</summary>
    public static RoutingTableBuilder Associate(
        this RoutingTableBuilder builder, SenderResource resource, string? applicationId, string? entityId, Channel channel = Channel.Sms) =>
        builder.AddAssociation(
            $"{resource.Name}-{applicationId ?? "none"}-{entityId ?? "none"}-{channel}".ToLowerInvariant(),
            resource,
            channel,
            applicationId,
            entityId);

    public static SenderStrategyEntry Strategy(
        string name,
        string? applicationId = null,
        string? entityId = null,
        Channel? channel = null,
        string? country = null,
        bool sticky = false,
        bool geolocated = false,
        params SenderPriority[] priorities) =>
        new(name, applicationId, entityId, channel, country, sticky, geolocated, priorities);

    public static SenderPriority Rank(SenderType type, int priority) => new(type, priority);
}
