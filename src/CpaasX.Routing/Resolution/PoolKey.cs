using CpaasX.Routing.Model;

namespace CpaasX.Routing.Resolution;

/// <summary>The key of an outbound pool: (application, entity or null, channel).</summary>
internal readonly record struct PoolKey(string ApplicationId, string? EntityId, Channel Channel);
