using System.Text.Json;

using CpaasX.Operator.Api.Serialization;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Operator.Runtime;
using CpaasX.Operator.Writing;

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

    public ClusterInformers(ApiHttp api, IReadOnlyList<string> namespaces, ILoggerFactory loggerFactory)
    {
        var settings = new InformerSettings { Namespaces = namespaces };
        Applications = Track(Custom<Application>(api, CustomResourceKinds.Application, settings, loggerFactory));
        Entities = Track(Custom<Entity>(api, CustomResourceKinds.Entity, settings, loggerFactory));
        Resources = Track(Custom<Resource>(api, CustomResourceKinds.Resource, settings, loggerFactory));
        ResourceAssociations = Track(Custom<ResourceAssociation>(api, CustomResourceKinds.ResourceAssociation, settings, loggerFactory));
        SenderStrategies = Track(Custom<SenderStrategy>(api, CustomResourceKinds.SenderStrategy, settings, loggerFactory));
        InboundConfigurations = Track(Custom<InboundConfiguration>(api, CustomResourceKinds.InboundConfiguration, settings, loggerFactory));
        // Metadata only: the publisher decides from the hash annotation and resourceVersions, never from payloads.
        RoutingConfigMaps = Track(new Informer<PartialObjectMetadata>(
            new ApiListWatchClient<PartialObjectMetadata>(api, new ApiResource(string.Empty, "v1", "configmaps"), CpaasxJson.Options, new ListWatchSettings { MetadataOnly = true }),
            settings with { LabelSelector = RoutingConfigMapPublisher.LabelSelector },
            logger: loggerFactory.CreateLogger<Informer<PartialObjectMetadata>>()));
    }

    public Informer<Application> Applications { get; }

    public Informer<Entity> Entities { get; }

    public Informer<Resource> Resources { get; }

    public Informer<ResourceAssociation> ResourceAssociations { get; }

    public Informer<SenderStrategy> SenderStrategies { get; }

    public Informer<InboundConfiguration> InboundConfigurations { get; }

    /// <summary>The metadata of the ConfigMaps labelled as managed by this operator (routing ConfigMaps and their shards).</summary>
    public Informer<PartialObjectMetadata> RoutingConfigMaps { get; }

    /// <summary>True once every informer has listed every watched namespace (what /readyz reports).</summary>
    public bool HasSynced => _synced.All(synced => synced());

    public Task RunAsync(CancellationToken cancellationToken) => Task.WhenAll(_runs.Select(run => run(cancellationToken)));

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => Task.WhenAll(_waits.Select(wait => wait(cancellationToken)));

    /// <summary>Every CPaaS X object of <paramref name="namespace"/> as the stores hold them now.</summary>
    public NamespaceSnapshot Snapshot(string @namespace) => new(
        @namespace,
        Applications.Store.List(@namespace),
        Entities.Store.List(@namespace),
        Resources.Store.List(@namespace),
        ResourceAssociations.Store.List(@namespace),
        SenderStrategies.Store.List(@namespace),
        InboundConfigurations.Store.List(@namespace));

    /// <summary>Adds <paramref name="informer"/> to those run, awaited and reported together, so none is left out of one of them.</summary>
    private Informer<T> Track<T>(Informer<T> informer)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        _runs.Add(informer.RunAsync);
        _synced.Add(() => informer.HasSynced);
        _waits.Add(informer.WaitForSyncAsync);
        return informer;
    }

    private static Informer<T> Custom<T>(ApiHttp api, CustomResourceKind kind, InformerSettings settings, ILoggerFactory loggerFactory)
        where T : class, ICustomResource =>
        new(
            new ApiListWatchClient<T>(api, kind.ApiResource, CpaasxJson.Options),
            settings,
            logger: loggerFactory.CreateLogger<Informer<T>>());
}
