using CpaasX.Operator.Runtime.Queue;

using Microsoft.Extensions.Time.Testing;

namespace CpaasX.Operator.Tests.Runtime;

public sealed class WorkQueueTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Queues_a_key_once_however_often_it_is_added()
    {
        var queue = new WorkQueue<string>(time: _time);

        queue.Add("a");
        queue.Add("b");
        queue.Add("a");

        Assert.Equal(2, queue.Depth);
        Assert.Equal("a", await queue.GetAsync(CancellationToken.None));
        Assert.Equal("b", await queue.GetAsync(CancellationToken.None));
        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public async Task A_key_added_while_in_process_is_handed_out_once_more_after_done()
    {
        var queue = new WorkQueue<string>(time: _time);
        queue.Add("a");
        var key = await queue.GetAsync(CancellationToken.None);

        queue.Add("a");
        queue.Add("a");
        Assert.Equal(0, queue.Depth);

        queue.Done(key!);
        Assert.Equal(1, queue.Depth);
        Assert.Equal("a", await queue.GetAsync(CancellationToken.None));
        queue.Done("a");
        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public async Task Get_waits_until_a_key_is_added()
    {
        var queue = new WorkQueue<string>(time: _time);

        var pending = queue.GetAsync(CancellationToken.None);
        Assert.False(pending.IsCompleted);

        queue.Add("a");
        Assert.Equal("a", await pending);
    }

    [Fact]
    public async Task Get_can_be_cancelled()
    {
        var queue = new WorkQueue<string>(time: _time);
        using var cancellation = new CancellationTokenSource();

        var pending = queue.GetAsync(cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }

    [Fact]
    public async Task Rate_limited_adds_wait_a_doubling_backoff_per_key()
    {
        var queue = new WorkQueue<string>(time: _time);

        queue.AddRateLimited("a");
        _time.Advance(TimeSpan.FromMilliseconds(4));
        Assert.Equal(0, queue.Depth);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, queue.Depth);

        queue.Done((await queue.GetAsync(CancellationToken.None))!);
        queue.AddRateLimited("a");
        _time.Advance(TimeSpan.FromMilliseconds(9));
        Assert.Equal(0, queue.Depth);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, queue.Depth);

        Assert.Equal(2, queue.Failures("a"));
        Assert.Equal(0, queue.Failures("b"));
    }

    [Fact]
    public async Task A_key_failing_for_the_tenth_time_waits_exactly_the_cap()
    {
        var settings = new WorkQueueSettings { RetryBackoff = new(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20)) };
        var queue = new WorkQueue<string>(settings, _time);
        for (var failure = 1; failure < 10; failure++)
        {
            queue.AddRateLimited("a");
            _time.Advance(TimeSpan.FromMilliseconds(20));
            queue.Done((await queue.GetAsync(CancellationToken.None))!);
        }

        queue.AddRateLimited("a");
        _time.Advance(TimeSpan.FromMilliseconds(19));
        Assert.Equal(0, queue.Depth);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, queue.Depth);
    }

    [Fact]
    public async Task Forget_resets_the_backoff_to_its_initial_delay()
    {
        var queue = new WorkQueue<string>(time: _time);
        queue.AddRateLimited("a");
        queue.AddRateLimited("a");
        queue.AddRateLimited("a");
        _time.Advance(TimeSpan.FromMilliseconds(5));
        queue.Done((await queue.GetAsync(CancellationToken.None))!);

        queue.Forget("a");
        queue.AddRateLimited("a");

        // Without Forget this would be the fourth failure, waiting 40 ms.
        Assert.Equal(1, queue.Failures("a"));
        _time.Advance(TimeSpan.FromMilliseconds(5));
        Assert.Equal(1, queue.Depth);
    }

    [Fact]
    public void Add_after_waits_for_the_delay_and_the_earliest_pending_add_wins()
    {
        var queue = new WorkQueue<string>(time: _time);

        queue.AddAfter("a", TimeSpan.FromSeconds(10));
        queue.AddAfter("a", TimeSpan.FromSeconds(3));
        queue.AddAfter("a", TimeSpan.FromSeconds(7));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(0, queue.Depth);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, queue.Depth);

        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, queue.Depth);
    }

    [Fact]
    public void Add_when_quiet_waits_until_the_calls_pause()
    {
        var queue = new WorkQueue<string>(time: _time);

        queue.AddWhenQuiet("a", TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10));
        _time.Advance(TimeSpan.FromMilliseconds(150));
        queue.AddWhenQuiet("a", TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10));
        _time.Advance(TimeSpan.FromMilliseconds(150));
        Assert.Equal(0, queue.Depth);

        _time.Advance(TimeSpan.FromMilliseconds(50));
        Assert.Equal(1, queue.Depth);
    }

    [Fact]
    public void Add_when_quiet_adds_by_the_limit_when_the_calls_never_pause()
    {
        var queue = new WorkQueue<string>(time: _time);

        for (var elapsed = 0; elapsed < 1_000; elapsed += 100)
        {
            queue.AddWhenQuiet("a", TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500));
            Assert.Equal(elapsed < 500 ? 0 : 1, queue.Depth);
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }
    }

    [Theory]
    [InlineData(3_000, 300)] // a tenth of the 3 s run is longer than the quiet
    [InlineData(200, 100)] // a tenth of 200 ms is 20 ms: the quiet stands
    public void Add_when_quiet_waits_the_longer_of_the_quiet_and_a_share_of_the_run(int runMilliseconds, int expectedPauseMilliseconds)
    {
        var queue = new WorkQueue<string>(time: _time);
        void Call() => queue.AddWhenQuiet("a", TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), runShare: 0.1);

        for (var elapsed = 0; elapsed < runMilliseconds; elapsed += 50)
        {
            Call();
            _time.Advance(TimeSpan.FromMilliseconds(50));
        }

        Call();
        _time.Advance(TimeSpan.FromMilliseconds(expectedPauseMilliseconds - 1));
        Assert.Equal(0, queue.Depth);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, queue.Depth);
    }

    [Fact]
    public void Add_when_quiet_keeps_a_sooner_retry_and_replaces_a_later_one()
    {
        var queue = new WorkQueue<string>(time: _time);

        queue.AddAfter("soon", TimeSpan.FromMilliseconds(50));
        queue.AddWhenQuiet("soon", TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10));
        queue.AddAfter("late", TimeSpan.FromSeconds(5));
        queue.AddWhenQuiet("late", TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10));
        _time.Advance(TimeSpan.FromMilliseconds(50));
        Assert.Equal(1, queue.Depth);

        _time.Advance(TimeSpan.FromMilliseconds(150));
        Assert.Equal(2, queue.Depth);
    }

    [Fact]
    public void Add_when_quiet_with_no_delay_adds_at_once()
    {
        var queue = new WorkQueue<string>(time: _time);

        queue.AddWhenQuiet("a", TimeSpan.Zero, TimeSpan.FromSeconds(10));

        Assert.Equal(1, queue.Depth);
    }

    [Fact]
    public async Task Shut_down_with_drain_hands_out_queued_keys_then_ends()
    {
        var queue = new WorkQueue<string>(time: _time);
        queue.Add("a");
        queue.AddAfter("b", TimeSpan.FromSeconds(1));

        queue.ShutDown(drain: true);
        queue.Add("c");
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("a", await queue.GetAsync(CancellationToken.None));
        Assert.Null(await queue.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Shut_down_without_drain_ends_at_once_and_wakes_waiting_workers()
    {
        var queue = new WorkQueue<string>(time: _time);
        var waiting = queue.GetAsync(CancellationToken.None);

        queue.ShutDown(drain: false);
        queue.Add("a");

        Assert.Null(await waiting);
        Assert.Null(await queue.GetAsync(CancellationToken.None));
    }
}
