using System.Text.Json;

using CpaasX.Operator.Runtime.Client;

using CpaasX.Routing.Table;

using k8s;

namespace CpaasX.Operator.Writing;

/// <summary>
/// Reads back the routing table <see cref="RoutingConfigMapPublisher"/> published in a namespace, as a workload's
/// mount would show it: plain, gzipped or sharded (<see cref="RoutingPayload"/>). Used by <c>resolve --namespace</c>
/// and the console's routing explorer.
/// </summary>
internal static class PublishedRoutingTable
{
    /// <summary>
    /// The routing table published in ConfigMap <paramref name="name"/> of <paramref name="namespace"/>, read with
    /// <paramref name="client"/>; a missing or unreadable one is an <see cref="UnreadableRoutingTableException"/> saying why.
    /// </summary>
    public static RoutingTable Read(IKubernetes client, string @namespace, string name)
    {
        try
        {
            // Its callers are synchronous; one request, nothing to overlap it with.
            var configMap = client.CoreV1.ReadNamespacedConfigMapAsync(name, @namespace).GetAwaiter().GetResult();
            if (configMap.Data?.TryGetValue(RoutingPayload.IndexKey, out var index) == true)
            {
                return FromShards(client, @namespace, RoutingTableIndex.Parse(System.Text.Encoding.UTF8.GetBytes(index)));
            }

            var stored = RoutingPayload.StoredTable(configMap.Data, configMap.BinaryData)
                ?? throw new UnreadableRoutingTableException($"ConfigMap {@namespace}/{name} holds none of {RoutingPayload.JsonKey}, {RoutingPayload.GzipKey} or {RoutingPayload.IndexKey}.");
            return RoutingTableJson.Deserialize(stored);
        }
        catch (Exception exception) when (ApiErrors.IsNotFound(exception))
        {
            throw new UnreadableRoutingTableException($"no ConfigMap {@namespace}/{name} (does the namespace hold CPaaS X objects, and is the operator running?).", exception);
        }
        catch (Exception exception) when (exception is JsonException or InvalidDataException or HttpRequestException)
        {
            throw new UnreadableRoutingTableException($"cannot read the routing table of {@namespace}/{name}: {exception.Message}", exception);
        }
    }

    /// <summary>A sharded table: each shard the index names, read from its ConfigMap (a shard gone is a missing piece).</summary>
    private static RoutingTable FromShards(IKubernetes client, string @namespace, RoutingTableIndex index) =>
        index.Assemble(shard =>
        {
            try
            {
                var configMap = client.CoreV1.ReadNamespacedConfigMapAsync(shard.ConfigMap, @namespace).GetAwaiter().GetResult();
                return configMap.BinaryData?.TryGetValue(shard.Key, out var piece) == true ? piece : null;
            }
            catch (Exception exception) when (ApiErrors.IsNotFound(exception))
            {
                return null;
            }
        });
}
