namespace CpaasX.Operator.Diff;

/// <summary>
/// Compares the routing of two sets of namespaces (each compiled from manifests or read from a compiled table): the
/// semantic routing (pools, strategies, inbound and voice routes, readiness), never the table's bytes, so reordered
/// manifests, renamed associations and anything else that routes alike report no change.
/// </summary>
public static class RoutingDiffer
{
    /// <param name="from">The namespaces before the change.</param>
    /// <param name="to">The namespaces after it.</param>
    /// <param name="onlyNamespace">Compare this namespace alone (absent on a side: empty there); null for all.</param>
    /// <param name="sampling">The destinations per country the moved shares are estimated over.</param>
    public static RoutingDiff Diff(
        IReadOnlyList<NamespaceState> from, IReadOnlyList<NamespaceState> to, string? onlyNamespace, DestinationSampling sampling)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(sampling);
        var before = from.ToDictionary(state => state.Namespace, StringComparer.Ordinal);
        var after = to.ToDictionary(state => state.Namespace, StringComparer.Ordinal);
        var objectsBefore = from.All(state => state.Objects is not null);
        var objectsAfter = to.All(state => state.Objects is not null);
        var namespaces = onlyNamespace is null ? before.Keys.Union(after.Keys) : [onlyNamespace];
        return new RoutingDiff(sampling, [.. namespaces
            .Order(StringComparer.Ordinal)
            .Select(@namespace => Diff(
                before.GetValueOrDefault(@namespace) ?? NamespaceState.Empty(@namespace, objectsBefore),
                after.GetValueOrDefault(@namespace) ?? NamespaceState.Empty(@namespace, objectsAfter),
                sampling))]);
    }

    private static NamespaceDiff Diff(NamespaceState from, NamespaceState to, DestinationSampling sampling)
    {
        var pools = PoolDiff.Compare(from.Table, to.Table);
        var strategies = StrategyDiff.Compare(from.Table, to.Table);
        (var inbound, var voice) = InboundDiff.Compare(from.Table, to.Table);
        var readinessCompared = from.Objects is not null && to.Objects is not null;
        return new NamespaceDiff(
            to.Namespace,
            readinessCompared,
            readinessCompared ? ReadinessDiff.Compare(from.Objects!, to.Objects!) : [],
            pools,
            strategies,
            MovedShares.Estimate(from.Table, to.Table, pools, strategies, sampling),
            inbound,
            voice);
    }
}
