using CpaasX.ApiServer.Storage;

namespace CpaasX.ApiServer.Faults;

/// <summary>
/// Switches that make the server misbehave the way a real cluster sometimes does, for reliability tests. Also reachable
/// over HTTP on the admin endpoint (see docs/embedded-api-server.md) for a standalone server.
/// </summary>
public sealed class FaultInjection
{
    private readonly ObjectStore _store;
    private readonly Lock _gate = new();
    private readonly List<WriteFault> _writeFaults = [];
    private bool _expireNextWatch;

    internal FaultInjection(ObjectStore store)
    {
        _store = store;
    }

    /// <summary>Added before every request is answered (watch streams included, before their first line).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>While true, every watch request is answered 503, as by an API server that is overloaded or restarting.</summary>
    public bool RefuseWatches { get; set; }

    /// <summary>
    /// While true, custom objects are stored without checking them against their CRD's schema and rules, as by a
    /// cluster whose schema was rolled back or whose API server skipped validation: any JSON is stored as sent.
    /// </summary>
    public bool SkipSchemaValidation { get; set; }

    /// <summary>Ends every open watch stream, as an apiserver restart or a load balancer timeout does.</summary>
    public void CloseAllWatches() => _store.CloseAllWatches();

    /// <summary>The next watch that names a resourceVersion (other than 0) answers 410 Expired.</summary>
    public void ExpireNextWatch()
    {
        lock (_gate)
        {
            _expireNextWatch = true;
        }
    }

    /// <summary>Forgets the event window up to now: watches and continue tokens from older resourceVersions get 410.</summary>
    public void CompactEventWindow() => _store.Compact();

    /// <summary>
    /// Answers the next <paramref name="count"/> writes to <paramref name="resource"/> (a plural such as "widgets", which
    /// includes its subresources, or "widgets/status") with <paramref name="statusCode"/>: 409, 422, 429 (with Retry-After) or 500.
    /// </summary>
    public void FailNextWrites(string resource, int count, int statusCode)
    {
        if (statusCode is not (409 or 422 or 429 or 500))
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "Only 409, 422, 429 and 500 are injected.");
        }

        lock (_gate)
        {
            _writeFaults.Add(new WriteFault(resource, statusCode) { Remaining = count });
        }
    }

    /// <summary>Clears every switch.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _writeFaults.Clear();
            _expireNextWatch = false;
            Latency = TimeSpan.Zero;
            RefuseWatches = false;
            SkipSchemaValidation = false;
        }
    }

    internal bool TakeExpireNextWatch()
    {
        lock (_gate)
        {
            var expire = _expireNextWatch;
            _expireNextWatch = false;
            return expire;
        }
    }

    /// <summary>The status code to answer this write with, if a fault is armed for it.</summary>
    internal int? TakeWriteFault(string plural, string? subresource)
    {
        lock (_gate)
        {
            var fault = _writeFaults.FirstOrDefault(f => f.Matches(plural, subresource));
            if (fault is null)
            {
                return null;
            }

            if (--fault.Remaining == 0)
            {
                _writeFaults.Remove(fault);
            }

            return fault.StatusCode;
        }
    }
}
