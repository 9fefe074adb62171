using CpaasX.Routing.Model;

namespace CpaasX.Routing.Table;

/// <summary>
/// One Resource of the namespace, Ready or not, so an explicit sender that cannot be used is refused with the reason:
/// its value (null when the spec has none), a NUMBER's capabilities or a CHAT_APP's channel, and, when it is not Ready,
/// its Ready condition's reason and message.
/// </summary>
public sealed record ResourceEntry(
    string Name,
    ResourceType? Type,
    string? Value,
    IReadOnlyList<Channel> Capabilities,
    bool Ready,
    string? Reason,
    string? Message);
