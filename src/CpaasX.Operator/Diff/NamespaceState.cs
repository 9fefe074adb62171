using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Routing.Table;

namespace CpaasX.Operator.Diff;

/// <summary>
/// One side of a namespace's diff: its routing table and, when it was compiled from manifests, every object's readiness
/// keyed by <c>Kind/name</c> (null when it was read from a compiled routing table, which holds only Ready objects).
/// </summary>
public sealed record NamespaceState(RoutingTable Table, IReadOnlyDictionary<string, ObjectReadiness>? Objects)
{
    public string Namespace => Table.Namespace;

    /// <summary>
    /// A namespace compiled from manifests: its table and every object's Ready condition. Of two objects with one kind
    /// and name the last read wins, as it would when applied.
    /// </summary>
    public static NamespaceState Of(CompileResult compiled)
    {
        Dictionary<string, ObjectReadiness> objects = new(StringComparer.Ordinal);
        foreach (var item in compiled.Objects)
        {
            var ready = item.DesiredStatus.FindReady();
            objects[$"{item.Object.Kind}/{item.Object.Metadata?.Name}"] =
                new ObjectReadiness(ready?.Status ?? ConditionStatuses.Unknown, ready?.Reason ?? "", ready?.Message ?? "");
        }

        return new(compiled.Table, objects);
    }

    /// <summary>A namespace absent on one side: nothing routes, no object exists.</summary>
    public static NamespaceState Empty(string @namespace, bool withObjects) =>
        new(new RoutingTableBuilder(@namespace).Build(), withObjects ? new Dictionary<string, ObjectReadiness>() : null);
}
