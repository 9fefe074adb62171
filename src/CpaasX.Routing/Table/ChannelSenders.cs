using CpaasX.Routing.Model;

namespace CpaasX.Routing.Table;

/// <summary>
/// The Ready Resources of the namespace that can send on one channel as an explicit sender (the platform's first outbound
/// option), whether associated or not; each sender's source is its Resource, e.g. <c>Resource/main-line</c>.
/// </summary>
public sealed record ChannelSenders(Channel Channel, IReadOnlyList<PoolSender> Senders);
