using CpaasX.Routing.Mounted;

using Prometheus;

namespace CpaasX.Operator.Sidecar;

/// <summary>
/// The routing sidecar's Prometheus metrics, on a registry of its own: requests by direction and result, the table in
/// use as an info metric labelled with its hash, and the holder's reload failures (read from it at each scrape); beside
/// them prometheus-net's .NET process and runtime metrics, and what the garbage collector allocated and paused for, the
/// load-independent measure of what serving a request costs (docs/performance.md).
/// </summary>
public sealed class RoutingSidecarMetrics
{
    public const string Routed = "routed";
    public const string NotRouted = "not_routed";
    public const string BadRequest = "bad_request";
    public const string NoTable = "no_table";

    private readonly Gauge _tableInfo;
    private string? _publishedHash;

    public RoutingSidecarMetrics(RoutingTableDirectory routing)
    {
        var factory = Metrics.WithCustomRegistry(Registry);
        DotNetStats.Register(Registry);
        Requests = factory.CreateCounter(
            "cpaasx_routing_sidecar_requests_total", "Resolve requests by direction (outbound, inbound) and result (routed, not_routed, bad_request, no_table).", "direction", "result");
        _tableInfo = factory.CreateGauge("cpaasx_routing_table_info", "1 for the routing table in use, labelled with its content hash.", "hash");
        var reloadFailures = factory.CreateCounter("cpaasx_routing_table_reload_failures_total", "Reloads of the mounted routing table that failed (the previous table stayed in use).");
        var allocated = factory.CreateCounter("dotnet_gc_heap_total_allocated_bytes_total", "Bytes allocated on the managed heap since the process started.");
        var paused = factory.CreateCounter("dotnet_gc_pause_time_seconds_total", "Time the garbage collector paused the process's threads since it started.");
        Registry.AddBeforeCollectCallback(() =>
        {
            reloadFailures.IncTo(routing.ReloadFailures);
            allocated.IncTo(GC.GetTotalAllocatedBytes());
            paused.IncTo(GC.GetTotalPauseDuration().TotalSeconds);
            PublishHash(routing.Hash);
        });
    }

    public CollectorRegistry Registry { get; } = Metrics.NewCustomRegistry();

    public Counter Requests { get; }

    /// <summary>Writes every metric in the Prometheus text format.</summary>
    public Task ExportAsync(Stream output, CancellationToken cancellationToken) => Registry.CollectAndExportAsTextAsync(output, cancellationToken);

    // One series: the previous hash's series goes when the table changes.
    private void PublishHash(string? hash)
    {
        if (hash == _publishedHash)
        {
            return;
        }

        if (_publishedHash is not null)
        {
            _tableInfo.RemoveLabelled(_publishedHash);
        }

        if (hash is not null)
        {
            _tableInfo.WithLabels(hash).Set(1);
        }

        _publishedHash = hash;
    }
}
