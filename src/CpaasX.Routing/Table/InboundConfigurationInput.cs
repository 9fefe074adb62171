using CpaasX.Routing.Model;

namespace CpaasX.Routing.Table;

/// <summary>A Ready InboundConfiguration as collected by <see cref="RoutingTableBuilder"/>; the keyword is upper-case.</summary>
internal sealed record InboundConfigurationInput(
    string Name, string ResourceName, Channel Channel, string? Keyword, string? ApplicationId, string? EntityId);
