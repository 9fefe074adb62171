using k8s.LeaderElection;

namespace CpaasX.Operator.Tests.Runtime;

/// <summary>One candidate's view of a <see cref="SharedLease"/>, behaving like LeaseLock: an update only succeeds on the version last read.</summary>
internal sealed class InMemoryLock(string identity, SharedLease lease) : ILock
{
    private int? _observedVersion;
    private int _reads;

    public string Identity { get; } = identity;

    public int Reads => Volatile.Read(ref _reads);

    // Like the real lock's HTTP calls, every call honours cancellation.
    public Task<LeaderElectionRecord> GetAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _reads);
        var (record, version) = lease.Read();
        _observedVersion = record is null ? null : version;
        return Task.FromResult(record!);
    }

    public Task<bool> CreateAsync(LeaderElectionRecord record, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(lease.TryWrite(record, expectedVersion: null) && Observe());
    }

    public Task<bool> UpdateAsync(LeaderElectionRecord record, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_observedVersion is { } version && lease.TryWrite(record, version) && Observe());
    }

    public string Describe() => "test/lease";

    private bool Observe()
    {
        _observedVersion = lease.Read().Version;
        return true;
    }
}
