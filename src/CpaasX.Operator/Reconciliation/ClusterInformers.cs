using System.Text.Json;

using CpaasX.Operator.Api;
using CpaasX.Operator.Api.Serialization;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Operator.Runtime.Client;
using CpaasX.Operator.Runtime.Informers;

using k8s;
using k8s.Models;

using Microsoft.Extensions.Logging;

namespace CpaasX.Operator.Reconciliation;

/// <summary>
/// One informer per cpaasx.io kind plus one for the managed routing ConfigMaps, over the watched namespaces:
/// the local stores every reconcile reads instead of the API.
/// </summary>
public sealed class ClusterInformers
{
    private readonly List<Func<CancellationToken, Task>> _runs = [];
    private readonly List<Func<bool>> _synced = [];
    private readonly List<Func<CancellationToken, Task>> _waits = [];
    private readonly List<Func<TimeSpan>> _failing = [];
    private readonly List<InformerStore<UndecodableObject>> _undecodable = [];
    private readonly List<Action<Action<InformerEvent<UndecodableObject>>>> _undecodableSubscriptions = [];

    public ClusterInformers(ApiHttp api, IReadOnlyList<string> namespaces, ILoggerFactory loggerFactory)
    {
        var settings = new InformerSettings { Namespaces = namespaces };
        Applications = TrackCustom(Custom<Application>(api, CustomResourceKinds.Application, settings, loggerFactory));
        Entities = TrackCustom(Custom<Entity>(api, CustomResourceKinds.Entity, settings, loggerFactory));
        Resources = TrackCustom(Custom<Resource>(api, CustomResourceKinds.Resource, settings, loggerFactory));
        ResourceAssociations = TrackCustom(Custom<ResourceAssociation>(api, CustomResourceKinds.ResourceAssociation, settings, loggerFactory));
        SenderStrategies = TrackCustom(Custom<SenderStrategy>(api, CustomResourceKinds.SenderStrategy, settings, loggerFactory));
        InboundConfigurations = TrackCustom(Custom<InboundConfiguration>(api, CustomResourceKinds.InboundConfiguration, settings, loggerFactory));
        // Metadata only: the publisher decides from the hash annotation and resourceVersions, never from payloads.
        RoutingConfigMaps = Track(new Informer<PartialObjectMetadata>(
            new ApiListWatchClient<PartialObjectMetadata>(api, new ApiResource(string.Empty, "v1", "configmaps"), CpaasxJson.Options, new ListWatchSettings { MetadataOnly = true }),
            settings with { LabelSelector = ManagedLabel.Selector },
            logger: loggerFactory.CreateLogger<Informer<PartialObjectMetadata>>()));
        Resources.Store.AddIndex(ResourceValueIndex.StoreIndexName, resource => ResourceValueIndex.DeclaredValue(resource) is { } value ? [value] : []);
        ResourceValues = ResourceValueIndex.Over(value => Resources.Store.ByIndex(ResourceValueIndex.StoreIndexName, value));
    }

    public Informer<Application> Applications { get; }

    public Informer<Entity> Entities { get; }

    public Informer<Resource> Resources { get; }

    public Informer<ResourceAssociation> ResourceAssociations { get; }

    public Informer<SenderStrategy> SenderStrategies { get; }

    public Informer<InboundConfiguration> InboundConfigurations { get; }

    /// <summary>
    /// The cluster-wide resource values for the Duplicate rule, read from the Resource store's index, which every
    /// event keeps current: a reconcile looks up only the values its namespace declares.
    /// </summary>
    public ResourceValueIndex ResourceValues { get; }

    /// <summary>The metadata of the ConfigMaps labelled as managed by this operator (routing ConfigMaps and their shards).</summary>
    public Informer<PartialObjectMetadata> RoutingConfigMaps { get; }

    /// <summary>True once every informer has listed every watched namespace (what /readyz reports).</summary>
    public bool HasSynced => _synced.All(synced => synced());

    /// <summary>How long the longest-failing informer has failed to list or watch without a success in between.</summary>
    public TimeSpan FailingFor => _failing.Max(failing => failing());

    public Task RunAsync(CancellationToken cancellationToken) => Task.WhenAll(_runs.Select(run => run(cancellationToken)));

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => Task.WhenAll(_waits.Select(wait => wait(cancellationToken)));

    /// <summary>Every CPaaS X object of <paramref name="namespace"/> as the stores hold them now, those that do not decode included.</summary>
    public NamespaceSnapshot Snapshot(string @namespace) => new(
        @namespace,
        Applications.Store.List(@namespace),
        Entities.Store.List(@namespace),
        Resources.Store.List(@namespace),
        ResourceAssociations.Store.List(@namespace),
        SenderStrategies.Store.List(@namespace),
        InboundConfigurations.Store.List(@namespace))
    {
        Undecodable = [.. _undecodable.SelectMany(store => store.List(@namespace))],
    };

    /// <summary>Calls <paramref name="handler"/> after each change of the undecodable objects of any cpaasx.io kind.</summary>
    public void AddUndecodableHandler(Action<InformerEvent<UndecodableObject>> handler)
    {
        foreach (var subscribe in _undecodableSubscriptions)
        {
            subscribe(handler);
        }
    }

    /// <summary>Adds <paramref name="informer"/> to those run, awaited and reported together, so none is left out of one of them.</summary>
    private Informer<T> Track<T>(Informer<T> informer)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        _runs.Add(informer.RunAsync);
        _synced.Add(() => informer.HasSynced);
        _waits.Add(informer.WaitForSyncAsync);
        _failing.Add(() => informer.FailingFor);
        return informer;
    }

    /// <summary>Tracks a cpaasx.io kind's informer, and its undecodable objects with those of the other kinds.</summary>
    private Informer<T> TrackCustom<T>(Informer<T> informer)
        where T : class, ICustomResource
    {
        _undecodable.Add(informer.Undecodable);
        _undecodableSubscriptions.Add(informer.AddUndecodableHandler);
        return Track(informer);
    }

    private static Informer<T> Custom<T>(ApiHttp api, CustomResourceKind kind, InformerSettings settings, ILoggerFactory loggerFactory)
        where T : class, ICustomResource =>
        new(
            new ApiListWatchClient<T>(api, kind.ApiResource, CpaasxJson.Options),
            settings,
            logger: loggerFactory.CreateLogger<Informer<T>>());
}
