using CpaasX.Routing.Model;

namespace CpaasX.Routing.Table;

/// <summary>
/// One Resource of the namespace, Ready or not: what it sends as an explicit sender (type, value, sender type, a number's
/// country, an alpha sender's countries), a NUMBER's capabilities or a CHAT_APP's channel, and, when it is not Ready,
/// its Ready condition's reason and message, so a refused explicit sender says why. Value and type are null when the
/// spec has none.
/// </summary>
public sealed record ResourceEntry(
    string Name,
    ResourceType? Type,
    string? Value,
    SenderType? SenderType,
    string? Country,
    IReadOnlyList<string> Countries,
    IReadOnlyList<Channel> Capabilities,
    bool Ready,
    string? Reason,
    string? Message)
{
    /// <summary>This Ready resource as the sender of an answer; its source is the Resource itself.</summary>
    public PoolSender AsSender() =>
        new(Name, Type!.Value, Value!, SenderType, Country, Countries, RouteSources.Of("Resource", Name));
}
