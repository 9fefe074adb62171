using Prometheus;

namespace CpaasX.Operator.Observability;

/// <summary>
/// The operator's Prometheus metrics on a registry of its own, so that two operator instances in one process
/// (tests, leader election) never share or double-count a series. The runtime's metrics carry controller-runtime's and
/// client-go's names, so existing dashboards and alerts apply; the operator's own carry the <c>cpaasx_</c> prefix; the
/// registry also holds prometheus-net's .NET process and runtime metrics. docs/operator.md describes each one.
/// </summary>
public sealed class OperatorMetrics
{
    public OperatorMetrics()
    {
        var factory = Metrics.WithCustomRegistry(Registry);
        DotNetStats.Register(Registry);
        Controllers = new ControllerRuntimeMetrics(Registry);
        WorkQueues = new WorkQueueMetrics(Registry);
        RestClientRequests = factory.CreateCounter(
            "rest_client_requests_total", "Number of HTTP requests, partitioned by status code, method, and host.", "code", "method", "host");
        LeaderElectionMasterStatus = factory.CreateGauge(
            "leader_election_master_status",
            "Gauge of if the reporting system is master of the relevant lease, 0 indicates backup, 1 indicates master. 'name' is the string used to identify the lease. Please make sure to group by name.",
            "name");
        WritesSkipped = factory.CreateCounter(
            "cpaasx_writes_skipped_total", "Writes not made because the object already had the desired state (status, configmap).", "kind");
        WritesRefused = factory.CreateCounter(
            "cpaasx_writes_refused_total", "Writes the API refused with 400 or 422 (status, finalizer); each is logged and recorded as an Event on its object.", "kind");
        DecodeErrors = factory.CreateCounter(
            "cpaasx_decode_errors_total", "Objects (at a resourceVersion) that do not decode into the operator's model, by kind; each stays Ready=False, reason Undecodable.", "kind");
        RoutingConfigMapBytes = factory.CreateGauge(
            "cpaasx_routing_configmap_bytes", "Size of the routing table stored in the namespace's ConfigMap (routing.json or routing.json.gz).", "namespace");
        RoutingNotPublished = factory.CreateGauge(
            "cpaasx_routing_not_published", "1 for each namespace whose current routing table is not published (too large, or its ConfigMap name taken by an unmanaged ConfigMap); workloads there keep the last published table.", "namespace");
        RoutingTableTooLarge = factory.CreateCounter(
            "cpaasx_routing_table_too_large_total", "Routing tables not published because even gzipped they exceed the ConfigMap limit.");
        PlatformSyncPending = factory.CreateGauge(
            "cpaasx_platform_sync_pending_operations", "Platform writes the last sync pass of a bound namespace planned and has not carried out (all of them in plan mode).", "namespace");
        PlatformSyncLastSuccess = factory.CreateGauge(
            "cpaasx_platform_sync_last_success_timestamp_seconds", "When a sync pass of a bound namespace last ended without a platform error (Unix seconds).", "namespace");
        PlatformSyncErrors = factory.CreateCounter(
            "cpaasx_platform_sync_errors_total", "Sync passes stopped by a platform request that failed for good (after its retries), by endpoint.", "endpoint");
    }

    public CollectorRegistry Registry { get; } = Metrics.NewCustomRegistry();

    /// <summary><c>controller_runtime_*</c>: reconciles, errors, durations and workers per controller.</summary>
    public ControllerRuntimeMetrics Controllers { get; }

    /// <summary><c>workqueue_*</c>: depth, adds, latencies and retries per queue.</summary>
    public WorkQueueMetrics WorkQueues { get; }

    /// <summary>Labels <c>code</c> (HTTP status, or <c>&lt;error&gt;</c>), <c>method</c> (GET, POST, ...), <c>host</c> (host:port of the API server).</summary>
    public Counter RestClientRequests { get; }

    /// <summary>Label <c>name</c>, the Lease's name: 1 while this instance leads (may write), 0 otherwise.</summary>
    public Gauge LeaderElectionMasterStatus { get; }

    public Counter WritesSkipped { get; }

    public Counter WritesRefused { get; }

    public Counter DecodeErrors { get; }

    public Gauge RoutingConfigMapBytes { get; }

    /// <summary>Only namespaces whose table is not published have a series (value 1): a cluster of many namespaces keeps few series.</summary>
    public Gauge RoutingNotPublished { get; }

    public Counter RoutingTableTooLarge { get; }

    public Gauge PlatformSyncPending { get; }

    public Gauge PlatformSyncLastSuccess { get; }

    public Counter PlatformSyncErrors { get; }

    /// <summary>Writes every metric in the Prometheus text format.</summary>
    public Task ExportAsync(Stream output, CancellationToken cancellationToken) => Registry.CollectAndExportAsTextAsync(output, cancellationToken);
}
