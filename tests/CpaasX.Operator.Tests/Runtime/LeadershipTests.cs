using CpaasX.Operator.Runtime.LeaderElection;
using CpaasX.Testing;

namespace CpaasX.Operator.Tests.Runtime;

public sealed class LeadershipTests : IAsyncDisposable
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    // The client's elector works in real time. A short renew deadline makes losing fast; a lease of whole seconds
    // (the elector truncates it) with a wide margin keeps a slow test machine from letting a follower steal it.
    private static readonly LeaderElectionSettings Fast = new("unused", "test")
    {
        LeaseDuration = TimeSpan.FromSeconds(5),
        RenewDeadline = TimeSpan.FromMilliseconds(500),
        RetryPeriod = TimeSpan.FromMilliseconds(50),
    };

    private readonly SharedLease _lease = new();
    private readonly List<(CancellationTokenSource Stop, Task Run)> _running = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var (stop, run) in _running)
        {
            await stop.CancelAsync();
            await run.WaitAsync(Hang);
            stop.Dispose();
        }
    }

    [Fact]
    public async Task Leads_on_a_free_lease_and_cancels_the_term_at_once_when_the_lease_is_lost()
    {
        var changes = new List<bool>();
        var leadership = Start(new InMemoryLock("a", _lease), observe: leadership => leadership.Changed += changes.Add);

        var term = await leadership.WaitForLeadershipAsync(CancellationToken.None).WaitAsync(Hang);
        Assert.True(leadership.IsLeader);
        Assert.False(term.IsCancellationRequested);
        Assert.Equal("a", _lease.Holder);

        _lease.Steal("intruder");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.Delay(Timeout.Infinite, term).WaitAsync(Hang));
        Assert.False(leadership.IsLeader);
        Assert.Equal([true, false], changes);
        Assert.Equal("intruder", _lease.Holder);
    }

    [Fact]
    public async Task Releases_the_lease_on_graceful_shutdown()
    {
        var leadership = Start("a", out var stop);
        var term = await leadership.WaitForLeadershipAsync(CancellationToken.None).WaitAsync(Hang);

        await stop.CancelAsync();
        await _running[0].Run.WaitAsync(Hang);

        Assert.True(term.IsCancellationRequested);
        Assert.False(leadership.IsLeader);
        Assert.Equal(string.Empty, _lease.Holder);
    }

    [Fact]
    public async Task Only_one_instance_leads_and_the_other_takes_over_when_the_leader_stops()
    {
        var first = Start("a", out var stopFirst);
        await first.WaitForLeadershipAsync(CancellationToken.None).WaitAsync(Hang);
        var secondLock = new InMemoryLock("b", _lease);
        var second = Start(secondLock);
        var secondTerm = second.WaitForLeadershipAsync(CancellationToken.None);
        // Waits only for progress of the other candidate; nothing below depends on how long it took.
        await Eventually.UntilAsync(() => Task.FromResult(secondLock.Reads >= 3), Hang, "the second candidate read the held lease three times");

        Assert.False(secondTerm.IsCompleted);
        Assert.Equal("a", _lease.Holder);

        await stopFirst.CancelAsync();
        await secondTerm.WaitAsync(Hang);

        Assert.True(second.IsLeader);
        Assert.False(first.IsLeader);
        Assert.Equal("b", _lease.Holder);
    }

    [Theory]
    [InlineData(10, 10, 2)]
    [InlineData(15, 10, 10)]
    [InlineData(15, 10, 0)]
    public void Refuses_timings_that_could_let_two_leaders_overlap(int leaseSeconds, int renewSeconds, int retrySeconds)
    {
        var settings = new LeaderElectionSettings("a", "test")
        {
            LeaseDuration = TimeSpan.FromSeconds(leaseSeconds),
            RenewDeadline = TimeSpan.FromSeconds(renewSeconds),
            RetryPeriod = TimeSpan.FromSeconds(retrySeconds),
        };

        Assert.Throws<ArgumentException>(settings.Validate);
    }

    [Fact]
    public void Accepts_the_default_timings()
    {
        new LeaderElectionSettings("a", "test").Validate();
    }

    private Leadership Start(string identity, out CancellationTokenSource stop)
    {
        var leadership = Start(new InMemoryLock(identity, _lease));
        stop = _running[^1].Stop;
        return leadership;
    }

    private Leadership Start(InMemoryLock candidate, Action<Leadership>? observe = null)
    {
        var leadership = new Leadership(candidate, Fast with { Identity = candidate.Identity });
        observe?.Invoke(leadership);
        var stop = new CancellationTokenSource();
        _running.Add((stop, leadership.RunAsync(stop.Token)));
        return leadership;
    }
}
