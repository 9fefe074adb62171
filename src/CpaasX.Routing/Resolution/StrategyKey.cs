using CpaasX.Routing.Model;

namespace CpaasX.Routing.Resolution;

/// <summary>The key of a sender strategy; a null part is the strategy's "empty", which matches every request.</summary>
internal readonly record struct StrategyKey(string? ApplicationId, string? EntityId, Channel? Channel, string? Country);
