using CpaasX.Operator.Tests.EndToEnd;
using CpaasX.Operator.Writing;
using CpaasX.Routing.Table;

namespace CpaasX.Operator.Tests.Writing;

/// <summary>Publishing a table as the operator does (decide, then write), from the managed ConfigMaps the API holds now.</summary>
internal static class Publishing
{
    public static async Task<WriteOutcome> PublishTableAsync(this RoutingConfigMapPublisher publisher, OperatorCluster cluster, string @namespace, RoutingTable table)
    {
        var observed = await cluster.ManagedConfigMapsAsync(@namespace);
        var publication = await publisher.PrepareAsync(@namespace, table, observed, CancellationToken.None);
        return await publisher.PublishAsync(@namespace, publication, observed, CancellationToken.None);
    }
}
