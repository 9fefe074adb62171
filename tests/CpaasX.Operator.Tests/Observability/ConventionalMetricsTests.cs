using CpaasX.Operator.Api;
using CpaasX.Operator.Hosting;
using CpaasX.Operator.Observability;
using CpaasX.Operator.Runtime.ReconcileLoop;
using CpaasX.Operator.Tests.Support;

using k8s;
using k8s.Models;

namespace CpaasX.Operator.Tests.Observability;

/// <summary>
/// The runtime's metrics carry controller-runtime's and client-go's names and label sets (controller-runtime
/// v0.21+), read from a live operator's /metrics, so the dashboards and alerts written for them apply unchanged.
/// </summary>
public sealed class ConventionalMetricsTests
{
    private const string Controller = "namespace";

    /// <summary>The namespace controller and the platform sync's, each with its own queue.</summary>
    private static readonly string[] Controllers = [Controller, "platform-sync"];

    [Fact]
    public async Task A_live_operator_exposes_every_conventional_metric_with_its_labels()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        var instance = await cluster.StartOperatorAsync();
        await ReconcileOneNamespaceAsync(cluster, instance);

        var samples = PrometheusText.Parse(await cluster.ScrapeMetricsAsync(instance));

        string[] resultSeries = [.. samples.Where(s => s.Name == "controller_runtime_reconcile_total")
            .Select(s => $"{s.Labels["controller"]}/{s.Labels["result"]}").Order(StringComparer.Ordinal)];
        Assert.Equal(
            [.. Controllers.SelectMany(controller => new[] { "error", "requeue", "requeue_after", "success" }.Select(result => $"{controller}/{result}"))],
            resultSeries);
        var expected = new Dictionary<string, string>
        {
            ["controller_runtime_reconcile_total"] = "controller,result",
            ["controller_runtime_reconcile_errors_total"] = "controller",
            ["controller_runtime_reconcile_time_seconds_bucket"] = "controller,le",
            ["controller_runtime_reconcile_time_seconds_sum"] = "controller",
            ["controller_runtime_reconcile_time_seconds_count"] = "controller",
            ["controller_runtime_active_workers"] = "controller",
            ["controller_runtime_max_concurrent_reconciles"] = "controller",
            ["workqueue_depth"] = "controller,name,priority",
            ["workqueue_adds_total"] = "controller,name",
            ["workqueue_queue_duration_seconds_bucket"] = "controller,le,name",
            ["workqueue_work_duration_seconds_bucket"] = "controller,le,name",
            ["workqueue_retries_total"] = "controller,name",
            ["workqueue_unfinished_work_seconds"] = "controller,name",
            ["workqueue_longest_running_processor_seconds"] = "controller,name",
            ["rest_client_requests_total"] = "code,host,method",
            ["leader_election_master_status"] = "name",
        };
        foreach (var (name, labels) in expected)
        {
            var series = samples.Where(s => s.Name == name).ToList();
            Assert.True(series.Count > 0, $"{name} is exposed");
            Assert.All(series, s => Assert.Equal(labels, s.LabelNames));
        }

        Assert.All(samples.Where(s => s.Name.StartsWith("controller_runtime_", StringComparison.Ordinal)), s => Assert.Contains(s.Labels["controller"], Controllers));
        Assert.All(samples.Where(s => s.Name.StartsWith("workqueue_", StringComparison.Ordinal)), s =>
        {
            Assert.Contains(s.Labels["controller"], Controllers);
            Assert.Equal(s.Labels["controller"], s.Labels["name"]);
        });
        Assert.Equal(string.Empty, samples.Single(s => s.Name == "workqueue_depth" && s.Labels["name"] == Controller).Labels["priority"]);
        Assert.Equal(ControllerSettings.DefaultWorkers, samples.Single(s => s.Name == "controller_runtime_max_concurrent_reconciles" && s.Labels["controller"] == Controller).Value);
        Assert.Equal(60, samples.Where(s => s.Name == "controller_runtime_reconcile_time_seconds_bucket").Max(s => s.Labels["le"] == "+Inf" ? 0 : double.Parse(s.Labels["le"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(samples.Single(s => s.Name == "controller_runtime_reconcile_time_seconds_count" && s.Labels["controller"] == Controller).Value >= 1);
        Assert.True(samples.Single(s => s.Name == "workqueue_adds_total" && s.Labels["name"] == Controller).Value >= 1);
        Assert.True(samples.Single(s => s.Name == "workqueue_work_duration_seconds_count" && s.Labels["name"] == Controller).Value >= 1);
        Assert.Contains(samples, s => s.Name == "rest_client_requests_total" && s.Labels["method"] == "GET" && s.Labels["code"] == "200"
            && s.Labels["host"] == cluster.Server.BaseUrl.Authority);
        Assert.Equal(1, samples.Single(s => s.Name == "leader_election_master_status" && s.Labels["name"] == "cpaasx-operator").Value);
        Assert.Contains(samples, s => s.Name == "process_cpu_seconds_total");
        Assert.Contains(samples, s => s.Name == "dotnet_collection_count_total");
        Assert.DoesNotContain(samples, s => s.Name.StartsWith("cpaasx_reconcile", StringComparison.Ordinal) || s.Name.StartsWith("cpaasx_workqueue", StringComparison.Ordinal));
    }

    /// <summary>A namespace holding only a managed routing ConfigMap is reconciled once (the ConfigMap is deleted).</summary>
    private static async Task ReconcileOneNamespaceAsync(OperatorCluster cluster, OperatorInstance instance)
    {
        await cluster.CreateNamespaceAsync("abandoned");
        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap
            {
                Metadata = new V1ObjectMeta
                {
                    Name = "cpaasx-routing",
                    Labels = new Dictionary<string, string> { [ManagedLabel.Key] = ManagedLabel.Value },
                },
            },
            "abandoned");
        await OperatorCluster.EventuallyAsync(
            () => Task.FromResult(instance.Metrics.Controllers.ReconcileTotal.WithLabels(Controller, ControllerRuntimeMetrics.Success).Value >= 1),
            "one namespace reconciled");
    }
}
