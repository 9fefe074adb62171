using CpaasX.ApiServer.Errors;

namespace CpaasX.ApiServer.Watch;

/// <summary>
/// The window of recent events and the open watchers. Not thread-safe by itself: the store calls it under its lock,
/// which is what makes "replay the window, then go live" atomic with respect to writes.
/// </summary>
internal sealed class WatchHub(int windowSize, int watcherBufferSize)
{
    private readonly Queue<WatchEvent> _window = new();
    private readonly List<Watcher> _watchers = [];

    /// <summary>Every event with a resourceVersion above this is still in the window.</summary>
    public long WindowStart { get; private set; }

    public void Publish(WatchEvent change)
    {
        _window.Enqueue(change);
        while (_window.Count > windowSize)
        {
            WindowStart = _window.Dequeue().ResourceVersion;
        }

        foreach (var watcher in _watchers)
        {
            watcher.Offer(change);
        }
    }

    /// <summary>Opens a watcher that first receives the window's events after <paramref name="fromResourceVersion"/>.</summary>
    public Watcher SubscribeFrom(WatchFilter filter, long fromResourceVersion)
    {
        if (fromResourceVersion < WindowStart)
        {
            throw ApiErrors.Expired($"too old resource version: {fromResourceVersion} ({WindowStart + 1})");
        }

        var watcher = Subscribe(filter);
        foreach (var change in _window.Where(e => e.ResourceVersion > fromResourceVersion))
        {
            watcher.Replay(change);
        }

        return watcher;
    }

    public Watcher Subscribe(WatchFilter filter)
    {
        var watcher = new Watcher(filter, watcherBufferSize);
        _watchers.Add(watcher);
        return watcher;
    }

    public void Unsubscribe(Watcher watcher)
    {
        _watchers.Remove(watcher);
        watcher.Close();
    }

    public void CloseAll()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Close();
        }

        _watchers.Clear();
    }

    /// <summary>Forgets every event up to <paramref name="resourceVersion"/>, as etcd compaction does.</summary>
    public void Compact(long resourceVersion)
    {
        _window.Clear();
        WindowStart = resourceVersion;
    }
}
