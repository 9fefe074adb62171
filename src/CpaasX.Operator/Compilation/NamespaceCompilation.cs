using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Runtime.Client;

using CpaasX.Routing.Table;

namespace CpaasX.Operator.Compilation;

/// <summary>
/// One run of <see cref="NamespaceCompiler.Compile"/>: decides every object's verdict kind by kind in reference order
/// (applications and entities, resources, associations, strategies, inbound configurations), so each rule sees the
/// final verdicts of the objects it depends on; then builds statuses and the routing table from the Ready objects.
/// The rules and their order are written down in docs/routing.md, "Compile: rules and reasons". One file per stage:
/// NamespaceCompilation.Verdicts.cs (with the rules in NamespaceCompilation.Rules.cs), NamespaceCompilation.Statuses.cs,
/// NamespaceCompilation.RoutingTable.cs.
/// </summary>
internal sealed partial class NamespaceCompilation
{
    private const string KeySeparator = "\n";

    private readonly NamespaceSnapshot _snapshot;
    private readonly ResourceValueIndex _index;
    private readonly DateTimeOffset _now;
    private readonly Dictionary<ICustomResource, Verdict> _verdicts = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, Application> _applications;
    private readonly Dictionary<string, Entity> _entities;
    private readonly Dictionary<string, Resource> _resources;
    private Dictionary<string, Resource> _localWinners = [];
    private readonly Dictionary<ResourceAssociation, ResolvedAssociation> _resolved = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<SenderStrategy, StrategyPool> _pools = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<InboundConfiguration, EffectiveRoute> _routes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, SenderResource> _senders = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Kind, string Name), UndecodableObject> _undecodable = [];

    public NamespaceCompilation(NamespaceSnapshot snapshot, ResourceValueIndex index, DateTimeOffset now)
    {
        // Arbitrary input: lists may be missing or hold nulls; neither may stop the namespace from compiling.
        _snapshot = new NamespaceSnapshot(
            snapshot.Namespace ?? "",
            Present(snapshot.Applications),
            Present(snapshot.Entities),
            Present(snapshot.Resources),
            Present(snapshot.ResourceAssociations),
            Present(snapshot.SenderStrategies),
            Present(snapshot.InboundConfigurations))
        {
            Undecodable = snapshot.Undecodable ?? [],
        };
        _index = index;
        _now = now;
        _applications = ByName(_snapshot.Applications);
        _entities = ByName(_snapshot.Entities);
        _resources = ByName(_snapshot.Resources);
        foreach (var undecodable in _snapshot.Undecodable)
        {
            _undecodable.TryAdd((undecodable.Kind, undecodable.Metadata.Name), undecodable);
        }
    }

    public CompileResult Run()
    {
        DecideApplications();
        DecideEntities();
        DecideResources();
        DecideAssociations();
        DecideStrategies();
        DecideInboundConfigurations();

        Referrers referrers = new(_snapshot);
        AssociationUsage usage = new(_snapshot.ResourceAssociations
            .Where(association => !IsDeleting(association))
            .Select(association => (association, _verdicts[association], _resolved.GetValueOrDefault(association))));
        List<CompiledObject> compiled = [.. _snapshot.All.Select(item => Compiled(item, referrers, usage))];
        return new CompileResult(
            _snapshot.Namespace,
            compiled,
            BuildTable(compiled),
            [.. _snapshot.Undecodable.Select(undecodable => CompiledUndecodable.For(undecodable, _now))]);
    }

    private string? ApplicationIdOf(LocalObjectReference? reference) =>
        reference is null ? null : _applications[reference.Name].EffectiveApplicationId;

    private string? EntityIdOf(LocalObjectReference? reference) =>
        reference is null ? null : _entities[reference.Name].EffectiveEntityId;

    private bool IsAvailable(ICustomResource item) => !IsDeleting(item) && _verdicts[item].IsReady;

    private static bool IsDeleting(ICustomResource item) => item.Metadata?.DeletionTimestamp is not null;

    private static IReadOnlyList<T> Present<T>(IReadOnlyList<T>? items)
        where T : class => items is null ? [] : [.. items.Where(item => item is not null)];

    // Names repeat only in hand-made input; the oldest object of a name is the one references reach.
    private static Dictionary<string, T> ByName<T>(IEnumerable<T> objects)
        where T : class, ICustomResource
    {
        Dictionary<string, T> byName = new(StringComparer.Ordinal);
        foreach (T item in objects.Where(item => item.Metadata?.Name is not null).Order(CreationOrder.Instance))
        {
            byName.TryAdd(item.Metadata.Name, item);
        }

        return byName;
    }
}
