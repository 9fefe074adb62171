using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Operator.Runtime;

using k8s;

namespace CpaasX.Operator.Reconciliation;

/// <summary>
/// Turns informer events into namespace keys: any event of a namespace's objects or its routing ConfigMap queues
/// that namespace; a Resource event also queues every namespace that declares its old or new value, because a
/// duplicate there may have been born or resolved. An update that keeps the value (a status write, for instance)
/// changes no other namespace's duplicates and queues only its own. Informer events carry no old object, so the
/// value each Resource declared last is remembered here.
/// </summary>
public sealed class NamespaceEnqueuer
{
    private readonly WorkQueue<string> _queue;
    private readonly Lock _gate = new();
    private readonly Dictionary<ObjectKey, string> _declared = [];
    private readonly Dictionary<string, Dictionary<string, int>> _declarers = new(StringComparer.Ordinal);

    public NamespaceEnqueuer(WorkQueue<string> queue, ClusterInformers informers, string configMapName)
    {
        _queue = queue;
        informers.Applications.AddHandler(change => Enqueue(change.Object));
        informers.Entities.AddHandler(change => Enqueue(change.Object));
        informers.ResourceAssociations.AddHandler(change => Enqueue(change.Object));
        informers.SenderStrategies.AddHandler(change => Enqueue(change.Object));
        informers.InboundConfigurations.AddHandler(change => Enqueue(change.Object));
        informers.Resources.AddHandler(OnResource);
        informers.RoutingConfigMaps.AddHandler(change =>
        {
            if (change.Object.Metadata?.Name == configMapName)
            {
                _queue.Add(ObjectKey.Of(change.Object).Namespace);
            }
        });
    }

    private void Enqueue(ICustomResource obj) => _queue.Add(ObjectKey.Of(obj).Namespace);

    private void OnResource(InformerEvent<Resource> change)
    {
        Enqueue(change.Object);
        var key = ObjectKey.Of(change.Object);
        var value = change.Type == WatchEventType.Deleted ? null : ResourceValueIndex.ValueOf(change.Object);
        IReadOnlyList<string> affected;
        lock (_gate)
        {
            var previous = _declared.GetValueOrDefault(key);
            if (previous == value)
            {
                return;
            }

            Forget(key, previous);
            Remember(key, value);
            affected = [.. DeclarersOf(previous).Concat(DeclarersOf(value)).Distinct()];
        }

        foreach (var @namespace in affected.Where(@namespace => @namespace != key.Namespace))
        {
            _queue.Add(@namespace);
        }
    }

    private IReadOnlyList<string> DeclarersOf(string? value) =>
        value is not null && _declarers.TryGetValue(value, out var namespaces) ? [.. namespaces.Keys] : [];

    private void Remember(ObjectKey key, string? value)
    {
        if (value is null)
        {
            return;
        }

        _declared[key] = value;
        var namespaces = _declarers.TryGetValue(value, out var known) ? known : _declarers[value] = new(StringComparer.Ordinal);
        namespaces[key.Namespace] = namespaces.GetValueOrDefault(key.Namespace) + 1;
    }

    private void Forget(ObjectKey key, string? value)
    {
        if (value is null || !_declarers.TryGetValue(value, out var namespaces))
        {
            return;
        }

        _declared.Remove(key);
        if (--namespaces[key.Namespace] == 0)
        {
            namespaces.Remove(key.Namespace);
        }

        if (namespaces.Count == 0)
        {
            _declarers.Remove(value);
        }
    }
}
