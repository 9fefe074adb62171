using CpaasX.Routing.Model;

namespace CpaasX.Routing.Table;

/// <summary>
/// A Ready Resource as the table builder needs it: object name, type, value (number, alpha sender, domain name,
/// chat-app sender ID or push configuration ID), and for numbers their type and country, for alpha senders their countries,
/// and the channels it has: a NUMBER's capabilities or a CHAT_APP's channel.
/// </summary>
public sealed record SenderResource(
    string Name,
    ResourceType Type,
    string Value,
    NumberType? NumberType = null,
    string? Country = null,
    IReadOnlyList<string>? Countries = null,
    IReadOnlyList<Channel>? Capabilities = null)
{
    /// <summary>The sender type a strategy ranks this resource by; null for resources strategies do not rank.</summary>
    public SenderType? SenderType => (Type, NumberType) switch
    {
        (ResourceType.Alpha, _) => Model.SenderType.Alphanumeric,
        (ResourceType.Number, Model.NumberType.VirtualLongNumber) => Model.SenderType.VirtualLongNumber,
        (ResourceType.Number, Model.NumberType.ShortCode) => Model.SenderType.ShortCode,
        (ResourceType.Number, Model.NumberType.TollFree) => Model.SenderType.TollFreeNumber,
        _ => null,
    };
}
