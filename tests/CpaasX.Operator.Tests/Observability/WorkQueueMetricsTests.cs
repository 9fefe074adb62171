using CpaasX.Operator.Observability;
using CpaasX.Operator.Runtime.Queue;

using Microsoft.Extensions.Time.Testing;

namespace CpaasX.Operator.Tests.Observability;

/// <summary>The work queue's timings reach the workqueue_* metrics as client-go's queue metrics provider records them.</summary>
public sealed class WorkQueueMetricsTests
{
    private const string Name = "namespace";
    private readonly FakeTimeProvider _time = new();
    private readonly OperatorMetrics _metrics = new();

    [Fact]
    public async Task Adds_waits_work_and_unfinished_work_are_timed()
    {
        var queue = new WorkQueue<string>(time: _time, metrics: _metrics.WorkQueues.For(Name));
        _metrics.WorkQueues.Observe(queue, Name);

        queue.Add("a");
        queue.Add("a");
        queue.Add("b");
        _time.Advance(TimeSpan.FromSeconds(2));
        var key = await queue.GetAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(3));
        await CollectAsync();

        Assert.Equal(2, _metrics.WorkQueues.Adds.WithLabels(Name, Name).Value);
        Assert.Equal(1, _metrics.WorkQueues.Depth.WithLabels(Name, Name, string.Empty).Value);
        Assert.Equal(2, _metrics.WorkQueues.QueueDuration.WithLabels(Name, Name).Sum);
        Assert.Equal(3, _metrics.WorkQueues.UnfinishedWork.WithLabels(Name, Name).Value);
        Assert.Equal(3, _metrics.WorkQueues.LongestRunningProcessor.WithLabels(Name, Name).Value);

        queue.Done(key!);
        await CollectAsync();

        Assert.Equal(3, _metrics.WorkQueues.WorkDuration.WithLabels(Name, Name).Sum);
        Assert.Equal(1, _metrics.WorkQueues.WorkDuration.WithLabels(Name, Name).Count);
        Assert.Equal(0, _metrics.WorkQueues.UnfinishedWork.WithLabels(Name, Name).Value);
    }

    [Fact]
    public void Adds_with_a_delay_count_as_retries_and_plain_or_settling_adds_do_not()
    {
        var queue = new WorkQueue<string>(time: _time, metrics: _metrics.WorkQueues.For(Name));

        queue.Add("a");
        queue.AddWhenQuiet("b", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        queue.AddRateLimited("c");
        queue.AddAfter("d", TimeSpan.FromSeconds(1));

        Assert.Equal(2, _metrics.WorkQueues.Retries.WithLabels(Name, Name).Value);
    }

    private Task CollectAsync() => _metrics.ExportAsync(Stream.Null, CancellationToken.None);
}
