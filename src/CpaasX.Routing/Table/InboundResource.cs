using CpaasX.Routing.Model;

namespace CpaasX.Routing.Table;

/// <summary>A resource that receives inbound traffic, as collected by <see cref="RoutingTableBuilder"/>.</summary>
internal sealed record InboundResource(SenderResource Resource, IReadOnlyList<Channel> Channels, bool Shared, RouteTarget? NumberLevel);
