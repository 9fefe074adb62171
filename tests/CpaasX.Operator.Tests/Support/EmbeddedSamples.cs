using CpaasX.Operator.Api.Serialization;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Local;
using CpaasX.Operator.Writing;
using CpaasX.Routing.Resolution;
using CpaasX.Routing.Table;

using k8s.Models;

namespace CpaasX.Operator.Tests.Support;

/// <summary>The sample sets on an <see cref="OperatorCluster"/> through the API (no kubectl), for the tests that need the embedded server.</summary>
internal static class EmbeddedSamples
{
    /// <summary>Applies one set of config/samples; returns its cpaasx.io objects.</summary>
    public static async Task<IReadOnlyList<ICustomResource>> ApplyAsync(OperatorCluster cluster, string set)
    {
        var path = RepositoryRoot.Combine("config", "samples", set);
        await ManifestApplier.ApplyAsync(cluster.Client, path, CancellationToken.None);
        return [.. ManifestReader.ReadPath(path).Select(document => document.Resource).OfType<ICustomResource>()];
    }

    /// <summary>Waits until every object of the set is Ready and its namespace publishes the table compile builds from it.</summary>
    public static Task WaitUntilRoutedAsync(OperatorCluster cluster, string set, IReadOnlyList<ICustomResource> objects)
    {
        var hash = EndToEndCluster.CompiledHash(set);
        var @namespace = objects[0].Metadata.NamespaceProperty;
        return Task.WhenAll(
            OperatorCluster.EventuallyAsync(
                async () => (await Task.WhenAll(objects.Select(cluster.ReadyStatusAsync))).All(status => status == ConditionStatuses.True),
                $"every object of the {set} samples is Ready"),
            OperatorCluster.EventuallyAsync(
                async () => (await cluster.GetConfigMapAsync(@namespace))?.Metadata.Annotations?[RoutingConfigMapPublisher.HashAnnotation] == hash,
                $"the routing ConfigMap of {@namespace} carries the compiled table"));
    }

    /// <summary>A resolver over the routing table published for <paramref name="namespace"/>; null while there is none.</summary>
    public static async Task<RoutingResolver?> ResolverAsync(OperatorCluster cluster, string @namespace) =>
        ResolverOf(await cluster.GetConfigMapAsync(@namespace));

    /// <summary>A resolver over the table a routing ConfigMap stores (plain or gzipped); null when it stores none.</summary>
    public static RoutingResolver? ResolverOf(V1ConfigMap? configMap)
    {
        var stored = configMap is null ? null : RoutingPayload.StoredTable(configMap.Data, configMap.BinaryData);
        return stored is null ? null : new RoutingResolver(RoutingTableJson.Deserialize(stored));
    }

    /// <summary>Polls the routing published for <paramref name="namespace"/> until <paramref name="holds"/> is true for it.</summary>
    public static Task EventuallyRoutedAsync(OperatorCluster cluster, string @namespace, Func<RoutingResolver, bool> holds, string what) =>
        OperatorCluster.EventuallyAsync(async () => await ResolverAsync(cluster, @namespace) is { } resolver && holds(resolver), what);
}
