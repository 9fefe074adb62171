using CpaasX.Operator.Runtime.ReconcileLoop;

using Prometheus;

namespace CpaasX.Operator.Observability;

/// <summary>
/// A controller's reconcile metrics under controller-runtime's names, labels and buckets
/// (<c>pkg/internal/controller/metrics</c>), so the dashboards and alerts written for controller-runtime operators
/// work unchanged. docs/operator.md describes each one.
/// </summary>
public sealed class ControllerRuntimeMetrics
{
    public const string Success = "success";
    public const string Error = "error";
    public const string Requeue = "requeue";
    public const string RequeueAfter = "requeue_after";

    /// <summary>controller-runtime's buckets: 5 ms to 60 s, fine below one second where most reconciles end.</summary>
    private static readonly double[] ReconcileTimeBuckets =
    [
        0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0,
        1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40, 50, 60,
    ];

    private readonly CollectorRegistry _registry;

    internal ControllerRuntimeMetrics(CollectorRegistry registry)
    {
        _registry = registry;
        var factory = Metrics.WithCustomRegistry(registry);
        ReconcileTotal = factory.CreateCounter(
            "controller_runtime_reconcile_total", "Total number of reconciliations per controller", "controller", "result");
        ReconcileErrors = factory.CreateCounter(
            "controller_runtime_reconcile_errors_total", "Total number of reconciliation errors per controller", "controller");
        ReconcileTime = factory.CreateHistogram(
            "controller_runtime_reconcile_time_seconds",
            "Length of time per reconciliation per controller",
            new HistogramConfiguration { LabelNames = ["controller"], Buckets = ReconcileTimeBuckets });
        MaxConcurrentReconciles = factory.CreateGauge(
            "controller_runtime_max_concurrent_reconciles", "Maximum number of concurrent reconciles per controller", "controller");
        ActiveWorkers = factory.CreateGauge(
            "controller_runtime_active_workers", "Number of currently used workers per controller", "controller");
    }

    /// <summary>Labels <c>controller</c>, <c>result</c> (<see cref="Success"/>, <see cref="Error"/>, <see cref="Requeue"/>, <see cref="RequeueAfter"/>).</summary>
    public Counter ReconcileTotal { get; }

    public Counter ReconcileErrors { get; }

    public Histogram ReconcileTime { get; }

    public Gauge MaxConcurrentReconciles { get; }

    public Gauge ActiveWorkers { get; }

    /// <summary>
    /// Records every reconcile of <paramref name="controller"/>; as controller-runtime does, every result series and
    /// the error series exist at 0 from the start, so rates and alerts see them before the first reconcile.
    /// </summary>
    public void Observe<TKey>(Controller<TKey> controller)
        where TKey : class
    {
        var name = controller.Name;
        foreach (var result in (string[])[Success, Error, Requeue, RequeueAfter])
        {
            ReconcileTotal.WithLabels(name, result).Publish();
        }

        ReconcileErrors.WithLabels(name).Publish();
        MaxConcurrentReconciles.WithLabels(name).Set(controller.MaxConcurrentReconciles);
        ActiveWorkers.WithLabels(name).Set(0);
        controller.Reconciled += (_, result, duration) =>
        {
            ReconcileTotal.WithLabels(name, ResultLabel(result.Kind)).Inc();
            if (result.Kind == ReconcileResultKind.Failed)
            {
                ReconcileErrors.WithLabels(name).Inc();
            }

            ReconcileTime.WithLabels(name).Observe(duration.TotalSeconds);
        };
        _registry.AddBeforeCollectCallback(() => ActiveWorkers.WithLabels(name).Set(controller.ActiveWorkers));
    }

    private static string ResultLabel(ReconcileResultKind kind) => kind switch
    {
        ReconcileResultKind.Done => Success,
        ReconcileResultKind.Requeue => Requeue,
        ReconcileResultKind.RequeueAfter => RequeueAfter,
        _ => Error,
    };
}
