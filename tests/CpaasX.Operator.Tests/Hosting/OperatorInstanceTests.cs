using System.Net;

using CpaasX.Operator.Api;
using CpaasX.Operator.Hosting;
using CpaasX.Operator.Observability;
using CpaasX.Operator.Tests.Support;
using CpaasX.Operator.Writing;

using k8s;
using k8s.Models;

namespace CpaasX.Operator.Tests.Hosting;

public sealed class OperatorInstanceTests
{
    [Fact]
    public async Task Probes_and_metrics_are_served_once_the_informers_synced()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        var instance = await cluster.StartOperatorAsync();
        await instance.WaitUntilReadyAsync(CancellationToken.None);
        using var http = new HttpClient { BaseAddress = instance.HttpAddress };

        var healthz = await http.GetAsync("/healthz");
        var readyz = await http.GetAsync("/readyz");
        var metrics = await cluster.ScrapeMetricsAsync(instance);

        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readyz.StatusCode);
        Assert.Contains("leader_election_master_status{name=\"cpaasx-operator\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("# TYPE controller_runtime_reconcile_time_seconds histogram", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_answers_503_while_the_informers_cannot_sync()
    {
        // Without the CRDs every list of a cpaasx.io kind is 404: the informers retry and never sync.
        await using var cluster = await OperatorCluster.StartAsync(installCrds: false);
        var instance = await cluster.StartOperatorAsync();
        using var http = new HttpClient { BaseAddress = instance.HttpAddress };
        await OperatorCluster.EventuallyAsync(
            () => Task.FromResult(instance.Metrics.RestClientRequests.WithLabels("404", "GET", cluster.Server.BaseUrl.Authority).Value > 0), "the informers tried to list");

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/readyz")).StatusCode);
        Assert.False(instance.IsReady);
    }

    [Fact]
    public async Task The_routing_ConfigMap_of_a_namespace_without_CPaaS_X_objects_is_deleted_and_others_are_kept()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        await cluster.CreateNamespaceAsync("abandoned");
        await CreateConfigMapAsync(cluster, "cpaasx-routing", managed: true);
        await CreateConfigMapAsync(cluster, "other-managed", managed: true);
        var instance = await cluster.StartOperatorAsync();

        await OperatorCluster.EventuallyAsync(async () => await cluster.GetConfigMapAsync("abandoned") is null, "the routing ConfigMap is deleted");

        Assert.NotNull(await cluster.GetConfigMapAsync("abandoned", "other-managed"));
        Assert.True(instance.Metrics.Controllers.ReconcileTotal.WithLabels("namespace", ControllerRuntimeMetrics.Success).Value >= 1);
    }

    [Fact]
    public async Task With_leader_election_one_instance_writes_and_the_other_takes_over_when_it_stops()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        var options = new OperatorOptions
        {
            LeaderElect = true,
            LeaseDuration = TimeSpan.FromSeconds(3),
            RenewDeadline = TimeSpan.FromSeconds(2),
            RetryPeriod = TimeSpan.FromMilliseconds(300),
        };
        var first = await cluster.StartOperatorAsync(options);
        var second = await cluster.StartOperatorAsync(options);
        await OperatorCluster.EventuallyAsync(() => Task.FromResult(first.IsWriting || second.IsWriting), "one instance leads");
        var (leader, follower) = first.IsWriting ? (first, second) : (second, first);
        await cluster.CreateNamespaceAsync("abandoned");
        await CreateConfigMapAsync(cluster, "cpaasx-routing", managed: true);
        await OperatorCluster.EventuallyAsync(async () => await cluster.GetConfigMapAsync("abandoned") is null, "the leader reconciles");
        Assert.False(follower.IsWriting);
        Assert.Equal(0, follower.Metrics.Controllers.ReconcileTotal.WithLabels("namespace", ControllerRuntimeMetrics.Success).Value);

        await leader.StopAsync();

        await OperatorCluster.EventuallyAsync(() => Task.FromResult(follower.IsWriting), "the follower takes over");
        Assert.False(leader.IsWriting);
        await CreateConfigMapAsync(cluster, "cpaasx-routing", managed: true);
        await OperatorCluster.EventuallyAsync(async () => await cluster.GetConfigMapAsync("abandoned") is null, "the new leader reconciles");
    }

    private static Task<V1ConfigMap> CreateConfigMapAsync(OperatorCluster cluster, string name, bool managed) =>
        cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap
            {
                Metadata = new V1ObjectMeta
                {
                    Name = name,
                    Labels = managed ? new Dictionary<string, string> { [ManagedLabel.Key] = ManagedLabel.Value } : null,
                },
                Data = new Dictionary<string, string> { ["routing.json"] = "{}" },
            },
            "abandoned");
}
