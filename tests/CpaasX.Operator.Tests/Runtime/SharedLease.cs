using k8s.LeaderElection;

namespace CpaasX.Operator.Tests.Runtime;

/// <summary>One Lease object as the API server keeps it: a record and a version that every write bumps (optimistic concurrency).</summary>
internal sealed class SharedLease
{
    private readonly Lock _gate = new();
    private LeaderElectionRecord? _record;
    private int _version;

    public string? Holder
    {
        get
        {
            lock (_gate)
            {
                return _record?.HolderIdentity;
            }
        }
    }

    public (LeaderElectionRecord? Record, int Version) Read()
    {
        lock (_gate)
        {
            return (Copy(_record), _version);
        }
    }

    /// <summary>Writes <paramref name="record"/> if nobody wrote since <paramref name="expectedVersion"/> (null: only if the lease does not exist).</summary>
    public bool TryWrite(LeaderElectionRecord record, int? expectedVersion)
    {
        lock (_gate)
        {
            var matches = expectedVersion is null ? _record is null : _version == expectedVersion;
            if (!matches)
            {
                return false;
            }

            _record = Copy(record);
            _version++;
            return true;
        }
    }

    /// <summary>Another instance takes the lease behind the current holder's back.</summary>
    public void Steal(string identity)
    {
        lock (_gate)
        {
            _record = new LeaderElectionRecord
            {
                HolderIdentity = identity,
                LeaseDurationSeconds = 15,
                AcquireTime = DateTime.UtcNow,
                RenewTime = DateTime.UtcNow,
                LeaderTransitions = (_record?.LeaderTransitions ?? 0) + 1,
            };
            _version++;
        }
    }

    private static LeaderElectionRecord? Copy(LeaderElectionRecord? record) =>
        record is null
            ? null
            : new LeaderElectionRecord
            {
                HolderIdentity = record.HolderIdentity,
                LeaseDurationSeconds = record.LeaseDurationSeconds,
                AcquireTime = record.AcquireTime,
                RenewTime = record.RenewTime,
                LeaderTransitions = record.LeaderTransitions,
            };
}
