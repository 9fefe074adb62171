using CpaasX.Routing.Model;

namespace CpaasX.Routing.Table;

/// <summary>
/// The Ready Resources of the namespace that can send on one channel as an explicit sender (the platform's first outbound
/// option), whether associated or not, by object name; each is described once in <see cref="RoutingTable.Resources"/>.
/// </summary>
public sealed record ChannelSenders(Channel Channel, IReadOnlyList<string> Resources);
