using CpaasX.Routing.Model;

namespace CpaasX.Operator.Diff;

/// <summary>The key of an outbound pool, or the (application, entity, channel) of an outbound request.</summary>
public sealed record PoolRef(string ApplicationId, string? EntityId, Channel Channel);
