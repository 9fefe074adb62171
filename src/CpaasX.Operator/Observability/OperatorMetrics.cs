using Prometheus;

namespace CpaasX.Operator.Observability;

/// <summary>
/// The operator's Prometheus metrics on a registry of its own, so that two operator instances in one process
/// (tests, leader election) never share or double-count a series. docs/operator.md describes each one.
/// </summary>
public sealed class OperatorMetrics
{
    /// <summary>Reconciles of a namespace take milliseconds to seconds; the buckets span 1 ms to about 16 s.</summary>
    private static readonly double[] ReconcileBuckets = Histogram.ExponentialBuckets(0.001, 2, 15);

    public OperatorMetrics()
    {
        var factory = Metrics.WithCustomRegistry(Registry);
        ReconcileTotal = factory.CreateCounter(
            "cpaasx_reconcile_total", "Namespace reconciles by result (done, requeue, requeue_after, failed).", "result");
        ReconcileDuration = factory.CreateHistogram(
            "cpaasx_reconcile_duration_seconds", "How long one namespace reconcile took.", new HistogramConfiguration { Buckets = ReconcileBuckets });
        WorkQueueDepth = factory.CreateGauge("cpaasx_workqueue_depth", "Namespaces waiting in the work queue.");
        WorkQueueRetries = factory.CreateCounter("cpaasx_workqueue_retries_total", "Namespaces put back into the work queue after a failure or conflict.");
        ApiRequests = factory.CreateCounter(
            "cpaasx_api_requests_total", "Requests to the Kubernetes API by verb and HTTP status code.", "verb", "code");
        WritesSkipped = factory.CreateCounter(
            "cpaasx_writes_skipped_total", "Writes not made because the object already had the desired state (status, configmap).", "kind");
        WritesRefused = factory.CreateCounter(
            "cpaasx_writes_refused_total", "Writes the API refused with 400 or 422 (status, finalizer); each is logged and recorded as an Event on its object.", "kind");
        DecodeErrors = factory.CreateCounter(
            "cpaasx_decode_errors_total", "Objects (at a resourceVersion) that do not decode into the operator's model, by kind; each stays Ready=False, reason Undecodable.", "kind");
        RoutingConfigMapBytes = factory.CreateGauge(
            "cpaasx_routing_configmap_bytes", "Size of the routing table stored in the namespace's ConfigMap (routing.json or routing.json.gz).", "namespace");
        RoutingTableTooLarge = factory.CreateCounter(
            "cpaasx_routing_table_too_large_total", "Routing tables not published because even gzipped they exceed the ConfigMap limit.");
        Leader = factory.CreateGauge("cpaasx_leader", "1 while this instance leads (may write), 0 otherwise.");
        PlatformSyncPending = factory.CreateGauge(
            "cpaasx_platform_sync_pending_operations", "Platform writes the last sync pass of a bound namespace planned and has not carried out (all of them in plan mode).", "namespace");
        PlatformSyncLastSuccess = factory.CreateGauge(
            "cpaasx_platform_sync_last_success_timestamp_seconds", "When a sync pass of a bound namespace last ended without a platform error (Unix seconds).", "namespace");
        PlatformSyncErrors = factory.CreateCounter(
            "cpaasx_platform_sync_errors_total", "Sync passes stopped by a platform request that failed for good (after its retries), by endpoint.", "endpoint");
    }

    public CollectorRegistry Registry { get; } = Metrics.NewCustomRegistry();

    public Counter ReconcileTotal { get; }

    public Histogram ReconcileDuration { get; }

    public Gauge WorkQueueDepth { get; }

    public Counter WorkQueueRetries { get; }

    public Counter ApiRequests { get; }

    public Counter WritesSkipped { get; }

    public Counter WritesRefused { get; }

    public Counter DecodeErrors { get; }

    public Gauge RoutingConfigMapBytes { get; }

    public Counter RoutingTableTooLarge { get; }

    public Gauge Leader { get; }

    public Gauge PlatformSyncPending { get; }

    public Gauge PlatformSyncLastSuccess { get; }

    public Counter PlatformSyncErrors { get; }

    /// <summary>Writes every metric in the Prometheus text format.</summary>
    public Task ExportAsync(Stream output, CancellationToken cancellationToken) => Registry.CollectAndExportAsTextAsync(output, cancellationToken);
}
