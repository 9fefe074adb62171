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
    private readonly IReadOnlyList<Func<CancellationToken, Task>> _runs;
    private readonly IReadOnlyList<Func<bool>> _synced;
    private readonly IReadOnlyList<Func<CancellationToken, Task>> _waits;

    public ClusterInformers(IKubernetes client, IReadOnlyList<string> namespaces, ILoggerFactory loggerFactory)
    {
        var settings = new InformerSettings { Namespaces = namespaces };
        Applications = Custom<Application>(client, CustomResourceKinds.Application, settings, loggerFactory);
        Entities = Custom<Entity>(client, CustomResourceKinds.Entity, settings, loggerFactory);
        Resources = Custom<Resource>(client, CustomResourceKinds.Resource, settings, loggerFactory);
        ResourceAssociations = Custom<ResourceAssociation>(client, CustomResourceKinds.ResourceAssociation, settings, loggerFactory);
        SenderStrategies = Custom<SenderStrategy>(client, CustomResourceKinds.SenderStrategy, settings, loggerFactory);
        InboundConfigurations = Custom<InboundConfiguration>(client, CustomResourceKinds.InboundConfiguration, settings, loggerFactory);
        RoutingConfigMaps = new Informer<V1ConfigMap>(
            new ConfigMapListWatchClient(client),
            settings with { LabelSelector = RoutingConfigMapPublisher.LabelSelector },
            logger: loggerFactory.CreateLogger<Informer<V1ConfigMap>>());
        _runs = [Applications.RunAsync, Entities.RunAsync, Resources.RunAsync, ResourceAssociations.RunAsync, SenderStrategies.RunAsync, InboundConfigurations.RunAsync, RoutingConfigMaps.RunAsync];
        _synced = [() => Applications.HasSynced, () => Entities.HasSynced, () => Resources.HasSynced, () => ResourceAssociations.HasSynced, () => SenderStrategies.HasSynced, () => InboundConfigurations.HasSynced, () => RoutingConfigMaps.HasSynced];
        _waits = [Applications.WaitForSyncAsync, Entities.WaitForSyncAsync, Resources.WaitForSyncAsync, ResourceAssociations.WaitForSyncAsync, SenderStrategies.WaitForSyncAsync, InboundConfigurations.WaitForSyncAsync, RoutingConfigMaps.WaitForSyncAsync];
    }

    public Informer<Application> Applications { get; }

    public Informer<Entity> Entities { get; }

    public Informer<Resource> Resources { get; }

    public Informer<ResourceAssociation> ResourceAssociations { get; }

    public Informer<SenderStrategy> SenderStrategies { get; }

    public Informer<InboundConfiguration> InboundConfigurations { get; }

    /// <summary>Only ConfigMaps labelled as managed by this operator.</summary>
    public Informer<V1ConfigMap> RoutingConfigMaps { get; }

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

    private static Informer<T> Custom<T>(IKubernetes client, CustomResourceKind kind, InformerSettings settings, ILoggerFactory loggerFactory)
        where T : class, ICustomResource =>
        new(
            new CustomObjectListWatchClient<T>(
                client,
                new CustomResourceName(CustomResourceKinds.Group, CustomResourceKinds.Version, kind.Plural),
                element => element.Deserialize<T>(CpaasxJson.Options) ?? throw new JsonException($"The API sent a null {kind.Kind}.")),
            settings,
            logger: loggerFactory.CreateLogger<Informer<T>>());
}
