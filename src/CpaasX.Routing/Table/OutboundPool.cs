using CpaasX.Routing.Model;

namespace CpaasX.Routing.Table;

/// <summary>
/// The senders associated with one (application, entity, channel). An association with only an entity sits under the
/// <c>default</c> application; <paramref name="EntityId"/> is null for an application-level pool.
/// </summary>
public sealed record OutboundPool(string ApplicationId, string? EntityId, Channel Channel, IReadOnlyList<PoolSender> Senders);
