using System.Threading.Channels;

using CpaasX.Operator.Runtime.Queue;
using CpaasX.Operator.Runtime.ReconcileLoop;

using Microsoft.Extensions.Time.Testing;

namespace CpaasX.Operator.Tests.Runtime;

public sealed class ControllerTests : IAsyncDisposable
{
    // Only a guard against a hung test; no assertion depends on it.
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _time = new();
    private readonly WorkQueue<string> _queue;
    private readonly Channel<(string Key, ReconcileResult Result)> _completed = Channel.CreateUnbounded<(string, ReconcileResult)>();
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _abort = new();
    private Task _run = Task.CompletedTask;

    public ControllerTests() => _queue = new WorkQueue<string>(time: _time);

    public async ValueTask DisposeAsync()
    {
        await _abort.CancelAsync();
        await _run.WaitAsync(Hang);
        _stop.Dispose();
        _abort.Dispose();
    }

    [Fact]
    public async Task A_failed_key_is_retried_after_its_backoff_and_success_forgets_the_failures()
    {
        var reconciler = Start((_, attempt, _) => Task.FromResult(attempt == 1 ? ReconcileResult.Failed(new InvalidOperationException("boom")) : ReconcileResult.Done));

        _queue.Add("ns");
        Assert.Equal(ReconcileResultKind.Failed, (await NextCompletedAsync()).Result.Kind);
        Assert.Equal(1, _queue.Failures("ns"));

        _time.Advance(WorkQueueSettings.DefaultRetryBackoff.Initial);
        Assert.Equal(ReconcileResultKind.Done, (await NextCompletedAsync()).Result.Kind);
        Assert.Equal(0, _queue.Failures("ns"));
        Assert.Equal(["ns", "ns"], reconciler.Calls);
    }

    [Fact]
    public async Task An_exception_from_the_reconciler_counts_as_a_failure()
    {
        var error = new InvalidOperationException("boom");
        Start((_, _, _) => throw error);

        _queue.Add("ns");
        var completed = await NextCompletedAsync();

        Assert.Equal(ReconcileResultKind.Failed, completed.Result.Kind);
        Assert.Same(error, completed.Result.Error);
        Assert.Equal(1, _queue.Failures("ns"));
    }

    [Fact]
    public async Task Requeue_retries_after_the_backoff_like_a_failure()
    {
        var reconciler = Start((_, attempt, _) => Task.FromResult(attempt == 1 ? ReconcileResult.Requeue : ReconcileResult.Done));

        _queue.Add("ns");
        await NextCompletedAsync();
        Assert.Equal(0, _queue.Depth);

        _time.Advance(WorkQueueSettings.DefaultRetryBackoff.Initial);
        Assert.Equal(ReconcileResultKind.Done, (await NextCompletedAsync()).Result.Kind);
        Assert.Equal(2, reconciler.Calls.Count);
    }

    [Fact]
    public async Task Requeue_after_comes_back_after_exactly_that_delay()
    {
        var reconciler = Start((_, attempt, _) => Task.FromResult(attempt == 1 ? ReconcileResult.RequeueAfter(TimeSpan.FromSeconds(30)) : ReconcileResult.Done));

        _queue.Add("ns");
        await NextCompletedAsync();
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, _queue.Depth);
        Assert.Single(reconciler.Calls);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(ReconcileResultKind.Done, (await NextCompletedAsync()).Result.Kind);
        Assert.Equal(0, _queue.Failures("ns"));
    }

    [Fact]
    public async Task Runs_as_many_reconciles_at_once_as_there_are_workers()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new SemaphoreSlim(0);
        var reconciler = Start(
            async (_, _, _) =>
            {
                started.Release();
                await gate.Task;
                return ReconcileResult.Done;
            },
            workers: 3);

        foreach (var key in new[] { "a", "b", "c", "d", "e" })
        {
            _queue.Add(key);
        }

        for (var i = 0; i < 3; i++)
        {
            Assert.True(await started.WaitAsync(Hang));
        }

        Assert.Equal(2, _queue.Depth);
        gate.SetResult();
        for (var i = 0; i < 5; i++)
        {
            await NextCompletedAsync();
        }

        Assert.Equal(3, reconciler.PeakConcurrency);
        Assert.Equal(["a", "b", "c", "d", "e"], reconciler.Calls.Order());
    }

    [Fact]
    public async Task A_key_changed_during_its_reconcile_is_reconciled_exactly_once_more()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reconciler = Start(
            async (_, attempt, _) =>
            {
                if (attempt == 1)
                {
                    firstStarted.SetResult();
                    await gate.Task;
                }

                return ReconcileResult.Done;
            },
            workers: 2);

        _queue.Add("ns");
        await firstStarted.Task.WaitAsync(Hang);
        _queue.Add("ns");
        _queue.Add("ns");
        gate.SetResult();
        await NextCompletedAsync();
        await NextCompletedAsync();

        Assert.Equal(["ns", "ns"], reconciler.Calls);
        Assert.Equal(0, _queue.Depth);
        Assert.Equal(1, reconciler.PeakConcurrency);
    }

    [Fact]
    public async Task A_graceful_stop_lets_the_reconcile_in_flight_finish()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Start(async (_, _, cancellationToken) =>
        {
            started.SetResult();
            await gate.Task.WaitAsync(cancellationToken);
            return ReconcileResult.Done;
        });
        _queue.Add("ns");
        await started.Task.WaitAsync(Hang);

        await _stop.CancelAsync();
        _queue.Add("other");
        Assert.False(_run.IsCompleted);
        gate.SetResult();

        Assert.Equal(ReconcileResultKind.Done, (await NextCompletedAsync()).Result.Kind);
        await _run.WaitAsync(Hang);
        Assert.Equal(1, _queue.Depth);
    }

    [Fact]
    public async Task A_graceful_stop_cancels_a_reconcile_that_outlives_the_grace_period_and_keeps_its_key()
    {
        await StartReconcileThatRunsUntilCancelledAsync("ns");

        await _stop.CancelAsync();
        _time.Advance(ControllerSettings.DefaultShutdownGracePeriod - TimeSpan.FromMilliseconds(1));
        Assert.False(_run.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        await _run.WaitAsync(Hang);
        Assert.Equal(1, _queue.Depth);
        Assert.Equal(0, _queue.Failures("ns"));
    }

    [Fact]
    public async Task Abort_cancels_the_reconcile_in_flight_at_once()
    {
        await StartReconcileThatRunsUntilCancelledAsync("ns");

        await _abort.CancelAsync();

        await _run.WaitAsync(Hang);
        Assert.Equal(1, _queue.Depth);
        Assert.Equal("ns", await _queue.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Ends_when_the_queue_is_shut_down_and_drained()
    {
        var reconciler = Start((_, _, _) => Task.FromResult(ReconcileResult.Done));
        _queue.Add("a");
        _queue.Add("b");

        _queue.ShutDown(drain: true);

        await _run.WaitAsync(Hang);
        Assert.Equal(["a", "b"], reconciler.Calls.Order());
    }

    private ScriptedReconciler Start(Func<string, int, CancellationToken, Task<ReconcileResult>> behaviour, int workers = 1)
    {
        var reconciler = new ScriptedReconciler(behaviour);
        var controller = new Controller<string>(_queue, reconciler, new ControllerSettings { Workers = workers }, _time);
        controller.Reconciled += (key, result, _) => _completed.Writer.TryWrite((key, result));
        _run = controller.RunAsync(_stop.Token, _abort.Token);
        return reconciler;
    }

    /// <summary>Starts the controller with a reconcile of <paramref name="key"/> that runs until its token is cancelled; returns once it runs.</summary>
    private async Task StartReconcileThatRunsUntilCancelledAsync(string key)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Start(async (_, _, cancellationToken) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return ReconcileResult.Done;
        });
        _queue.Add(key);
        await started.Task.WaitAsync(Hang);
    }

    private async Task<(string Key, ReconcileResult Result)> NextCompletedAsync()
    {
        using var hang = new CancellationTokenSource(Hang);
        return await _completed.Reader.ReadAsync(hang.Token);
    }
}
