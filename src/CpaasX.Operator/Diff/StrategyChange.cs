using CpaasX.Routing.Table;

namespace CpaasX.Operator.Diff;

/// <summary>
/// A SenderStrategy (by name) that appears, disappears or whose key or settings change, with the pools it may govern on
/// either side (those whose application, entity and channel its key matches; a more specific strategy may take precedence
/// for some destinations, which the moved shares show).
/// </summary>
public sealed record StrategyChange(
    string Name,
    string Change,
    SenderStrategyEntry? From,
    SenderStrategyEntry? To,
    IReadOnlyList<PoolRef> Governs);
