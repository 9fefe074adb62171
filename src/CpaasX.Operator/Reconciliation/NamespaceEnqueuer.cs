using CpaasX.Operator.Api;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Operator.Runtime.Informers;
using CpaasX.Operator.Runtime.Queue;

using k8s;

namespace CpaasX.Operator.Reconciliation;

/// <summary>
/// Turns informer events into namespace keys: any event of a namespace's objects or its routing ConfigMap queues
/// that namespace; a Resource event also queues every namespace that declares its old or new value, because a
/// duplicate there may have been born or resolved. An update that keeps the value (a status write, for instance)
/// changes no other namespace's duplicates and queues only its own. The old value comes from the object the event
/// replaced, the declarers from the Resource store's index (<see cref="ClusterInformers.ResourceValues"/>). A
/// namespace is queued once its events have paused for the settle delay (longer after a long run of events,
/// <see cref="SettleRunShare"/>): objects applied together (a GitOps sync of many objects) are compiled and written
/// once, instead of once per partial view, each of which rewrites the statuses that the next arrivals change.
/// </summary>
public sealed class NamespaceEnqueuer
{
    /// <summary>
    /// Long enough to span the gaps between the watch events of one apply (they arrive milliseconds apart), short
    /// enough that a single change is reconciled almost at once; measured in docs/performance.md (live burst).
    /// </summary>
    public static readonly TimeSpan DefaultSettleDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// A run of events that has gone on for a while waits for a pause of this share of its length, when that is longer
    /// than the settle delay: a large apply lasts seconds, and the pauses in its stream (the API server's garbage
    /// collections, say) grow with it, so a flat settle delay split the largest measured burst in two while a short
    /// burst still waits only the settle delay (figures: docs/performance.md, live burst, choice of the delay).
    /// </summary>
    public const double SettleRunShare = 0.05;

    /// <summary>
    /// A namespace whose events never pause is still reconciled this long after its first event: bounds how stale
    /// its statuses and ConfigMap get under constant churn, and exceeds how long an apply of 20,000 objects takes.
    /// </summary>
    public static readonly TimeSpan MaxSettleDelay = TimeSpan.FromSeconds(10);

    private readonly WorkQueue<string> _queue;
    private readonly ClusterInformers _informers;
    private readonly TimeSpan _settleDelay;

    /// <param name="settleDelay">How long a namespace's events must pause before it is queued; zero queues at once.</param>
    public NamespaceEnqueuer(WorkQueue<string> queue, ClusterInformers informers, string configMapName, TimeSpan settleDelay)
    {
        _queue = queue;
        _informers = informers;
        _settleDelay = settleDelay;
        informers.Applications.AddHandler(change => Enqueue(change.Object));
        informers.Entities.AddHandler(change => Enqueue(change.Object));
        informers.ResourceAssociations.AddHandler(change => Enqueue(change.Object));
        informers.SenderStrategies.AddHandler(change => Enqueue(change.Object));
        informers.InboundConfigurations.AddHandler(change => Enqueue(change.Object));
        informers.Resources.AddHandler(OnResource);
        informers.AddUndecodableHandler(change => Add(ObjectKey.Of(change.Object).Namespace));
        informers.RoutingConfigMaps.AddHandler(change =>
        {
            if (RoutingShardNames.BelongsTo(configMapName, change.Object.Metadata?.Name))
            {
                Add(ObjectKey.Of(change.Object).Namespace);
            }
        });
    }

    private void Enqueue(ICustomResource obj) => Add(ObjectKey.Of(obj).Namespace);

    /// <summary>
    /// Queued once its events have paused for the settle delay, so a burst (a large apply) is one reconcile. Before
    /// the informers have synced no worker runs yet and the initial lists are whole already: queued at once.
    /// </summary>
    private void Add(string @namespace)
    {
        if (_informers.HasSynced)
        {
            _queue.AddWhenQuiet(@namespace, _settleDelay, MaxSettleDelay, SettleRunShare);
        }
        else
        {
            _queue.Add(@namespace);
        }
    }

    private void OnResource(InformerEvent<Resource> change)
    {
        Enqueue(change.Object);
        var previous = change.OldObject is null ? null : ResourceValueIndex.DeclaredValue(change.OldObject);
        var value = change.Type == WatchEventType.Deleted ? null : ResourceValueIndex.DeclaredValue(change.Object);
        if (previous == value)
        {
            return;
        }

        // The store's index already holds the change: these are the other declarers of either value.
        var own = ObjectKey.Of(change.Object).Namespace;
        foreach (var @namespace in new[] { previous, value }
            .OfType<string>()
            .SelectMany(_informers.ResourceValues.NamespacesDeclaring)
            .Distinct(StringComparer.Ordinal)
            .Where(@namespace => @namespace != own))
        {
            Add(@namespace);
        }
    }
}
