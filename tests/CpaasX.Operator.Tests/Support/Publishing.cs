using CpaasX.Operator.Api;
using CpaasX.Operator.Writing;
using CpaasX.Routing.Table;

using k8s;

namespace CpaasX.Operator.Tests.Support;

/// <summary>Publishing a table as the operator does (decide, then write), from the managed ConfigMaps the API holds now; reading it as a Pod would.</summary>
internal static class Publishing
{
    public static async Task<WriteOutcome> PublishTableAsync(this RoutingConfigMapPublisher publisher, OperatorCluster cluster, string @namespace, RoutingTable table)
    {
        var observed = await cluster.ManagedConfigMapsAsync(@namespace);
        var publication = await publisher.PrepareAsync(@namespace, table, observed, CancellationToken.None);
        return await publisher.PublishAsync(@namespace, publication, observed, CancellationToken.None);
    }

    /// <summary>The files of the namespace's managed ConfigMaps in one new directory, as a projected volume mounts them.</summary>
    public static async Task<string> MountRoutingAsync(this OperatorCluster cluster, string @namespace)
    {
        var directory = Directory.CreateTempSubdirectory("routing-mount-").FullName;
        foreach (var configMap in (await cluster.Client.CoreV1.ListNamespacedConfigMapAsync(@namespace, labelSelector: ManagedLabel.Selector)).Items)
        {
            foreach (var (key, value) in configMap.Data ?? new Dictionary<string, string>())
            {
                await File.WriteAllTextAsync(Path.Combine(directory, key), value);
            }

            foreach (var (key, value) in configMap.BinaryData ?? new Dictionary<string, byte[]>())
            {
                await File.WriteAllBytesAsync(Path.Combine(directory, key), value);
            }
        }

        return directory;
    }
}
