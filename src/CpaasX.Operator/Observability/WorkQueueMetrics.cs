using CpaasX.Operator.Runtime.Queue;

using Prometheus;

namespace CpaasX.Operator.Observability;

/// <summary>
/// Work queue metrics under controller-runtime's names and labels (<c>pkg/internal/metrics/workqueue.go</c>, v0.21+):
/// labels <c>name</c> and <c>controller</c>, both the queue's name, and on <c>workqueue_depth</c> also
/// <c>priority</c>, empty for a plain queue. docs/operator.md describes each one.
/// </summary>
public sealed class WorkQueueMetrics
{
    /// <summary>client-go's buckets: 10 ns to 1000 s, a factor of 10 apart.</summary>
    private static readonly double[] DurationBuckets = Histogram.ExponentialBuckets(1e-8, 10, 12);

    private static readonly string[] Labels = ["name", "controller"];

    private readonly CollectorRegistry _registry;

    internal WorkQueueMetrics(CollectorRegistry registry)
    {
        _registry = registry;
        var factory = Metrics.WithCustomRegistry(registry);
        Depth = factory.CreateGauge("workqueue_depth", "Current depth of workqueue", "name", "controller", "priority");
        Adds = factory.CreateCounter("workqueue_adds_total", "Total number of adds handled by workqueue", Labels);
        QueueDuration = factory.CreateHistogram(
            "workqueue_queue_duration_seconds",
            "How long in seconds an item stays in workqueue before being requested",
            new HistogramConfiguration { LabelNames = Labels, Buckets = DurationBuckets });
        WorkDuration = factory.CreateHistogram(
            "workqueue_work_duration_seconds",
            "How long in seconds processing an item from workqueue takes.",
            new HistogramConfiguration { LabelNames = Labels, Buckets = DurationBuckets });
        UnfinishedWork = factory.CreateGauge(
            "workqueue_unfinished_work_seconds",
            "How many seconds of work has been done that is in progress and hasn't been observed by work_duration. Large values indicate stuck threads. One can deduce the number of stuck threads by observing the rate at which this increases.",
            Labels);
        LongestRunningProcessor = factory.CreateGauge(
            "workqueue_longest_running_processor_seconds",
            "How many seconds has the longest running processor for workqueue been running.",
            Labels);
        Retries = factory.CreateCounter(
            "workqueue_retries_total",
            "Total number of items added to the workqueue with a non-zero delay (rate-limited requeues, explicit RequeueAfter or AddAfter calls)",
            Labels);
    }

    public Gauge Depth { get; }

    public Counter Adds { get; }

    public Histogram QueueDuration { get; }

    public Histogram WorkDuration { get; }

    public Gauge UnfinishedWork { get; }

    public Gauge LongestRunningProcessor { get; }

    public Counter Retries { get; }

    /// <summary>The recorder to give the queue named <paramref name="name"/> when it is created.</summary>
    public IWorkQueueMetrics For(string name) => new Recorder(this, name);

    /// <summary>Reads the depth and the unfinished work of <paramref name="queue"/> each time the metrics are collected.</summary>
    public void Observe<TKey>(WorkQueue<TKey> queue, string name)
        where TKey : class
    {
        var depth = Depth.WithLabels(name, name, string.Empty);
        var unfinished = UnfinishedWork.WithLabels(name, name);
        var longest = LongestRunningProcessor.WithLabels(name, name);
        _registry.AddBeforeCollectCallback(() =>
        {
            depth.Set(queue.Depth);
            var work = queue.MeasureUnfinishedWork();
            unfinished.Set(work.Total.TotalSeconds);
            longest.Set(work.Longest.TotalSeconds);
        });
    }

    private sealed class Recorder(WorkQueueMetrics metrics, string name) : IWorkQueueMetrics
    {
        private readonly Counter.Child _adds = metrics.Adds.WithLabels(name, name);
        private readonly Histogram.Child _queueDuration = metrics.QueueDuration.WithLabels(name, name);
        private readonly Histogram.Child _workDuration = metrics.WorkDuration.WithLabels(name, name);
        private readonly Counter.Child _retries = metrics.Retries.WithLabels(name, name);

        public void Added() => _adds.Inc();

        public void Taken(TimeSpan queued) => _queueDuration.Observe(queued.TotalSeconds);

        public void Finished(TimeSpan worked) => _workDuration.Observe(worked.TotalSeconds);

        public void Retried() => _retries.Inc();
    }
}
