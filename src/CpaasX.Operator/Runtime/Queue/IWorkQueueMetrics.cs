namespace CpaasX.Operator.Runtime.Queue;

/// <summary>
/// What a <see cref="WorkQueue{TKey}"/> reports as it works, in the manner of client-go's queue metrics provider:
/// the queue measures, an implementation outside the runtime (Prometheus, in Observability) records. Depth and
/// unfinished work are read from the queue when metrics are collected.
/// </summary>
public interface IWorkQueueMetrics
{
    /// <summary>A key became queued (it was not already waiting).</summary>
    void Added();

    /// <summary>A key was handed to a worker after waiting <paramref name="queued"/> since it was added.</summary>
    void Taken(TimeSpan queued);

    /// <summary>A worker finished a key it had held for <paramref name="worked"/>.</summary>
    void Finished(TimeSpan worked);

    /// <summary>A key was added back with a delay (a backoff retry or an explicit add after a delay).</summary>
    void Retried();
}
