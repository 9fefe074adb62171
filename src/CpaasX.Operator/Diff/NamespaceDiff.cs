using System.Text.Json.Serialization;

namespace CpaasX.Operator.Diff;

/// <summary>
/// What a change does to one namespace's routing. <paramref name="ReadinessCompared"/> is false when either side was a
/// compiled routing table, which does not tell why an object is not Ready.
/// </summary>
public sealed record NamespaceDiff(
    string Namespace,
    bool ReadinessCompared,
    IReadOnlyList<ReadinessChange> Objects,
    IReadOnlyList<PoolChange> Pools,
    IReadOnlyList<StrategyChange> Strategies,
    IReadOnlyList<MovedShare> MovedShares,
    IReadOnlyList<RouteChange> InboundRoutes,
    IReadOnlyList<RouteChange> VoiceRoutes)
{
    [JsonPropertyOrder(-1)]
    public bool Changed =>
        Objects.Count + Pools.Count + Strategies.Count + MovedShares.Count + InboundRoutes.Count + VoiceRoutes.Count > 0;
}
