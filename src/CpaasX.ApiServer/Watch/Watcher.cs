using System.Threading.Channels;

namespace CpaasX.ApiServer.Watch;

/// <summary>
/// One open watch. Events are offered under the store's lock and queued without blocking the writer; the HTTP handler
/// drains the queue at its own pace. A watcher that falls more than its buffer behind on live events is closed, as
/// kube-apiserver closes a watcher too slow to keep up: its client resumes from the last resourceVersion it saw, and
/// the server's memory stays bounded whatever the client does.
/// </summary>
internal sealed class Watcher(WatchFilter filter, int bufferSize)
{
    // Not SingleReader: only the multi-reader channel can tell its Count, which bookmarks need.
    private readonly Channel<WatchEvent> _events = Channel.CreateUnbounded<WatchEvent>();

    // The replay of the event window on subscribe is the watcher's own catch-up, not lag: it raises the limit.
    private int _limit = bufferSize;

    public WatchFilter Filter { get; } = filter;

    public ChannelReader<WatchEvent> Events => _events.Reader;

    /// <summary>True once the watcher was closed for falling behind.</summary>
    public bool ClosedAsTooSlow { get; private set; }

    /// <summary>Queues a live event as this watcher sees it: an object entering the selection is ADDED, one leaving it DELETED.</summary>
    public void Offer(WatchEvent change) => Queue(change, replayed: false);

    /// <summary>Queues an event of the catch-up on subscribe (the window since a resourceVersion, or every current object), beyond the live buffer.</summary>
    public void Replay(WatchEvent change) => Queue(change, replayed: true);

    private void Queue(WatchEvent change, bool replayed)
    {
        if (change.StorageKey != Filter.StorageKey)
        {
            return;
        }

        var matchesNow = Filter.Matches(change.Object);
        var matchedBefore = change.Previous is not null && Filter.Matches(change.Previous);
        WatchEventType? seen = change.Type switch
        {
            WatchEventType.Deleted => matchesNow ? WatchEventType.Deleted : null,
            WatchEventType.Added => matchesNow ? WatchEventType.Added : null,
            _ when matchesNow && matchedBefore => WatchEventType.Modified,
            _ when matchesNow => WatchEventType.Added,
            _ when matchedBefore => WatchEventType.Deleted,
            _ => null,
        };
        if (seen is not { } type)
        {
            return;
        }

        if (replayed)
        {
            _limit++;
        }
        else if (_events.Reader.Count >= _limit)
        {
            ClosedAsTooSlow = true;
            Close();
            return;
        }

        _events.Writer.TryWrite(type == change.Type ? change : change with { Type = type });
    }

    public void Close() => _events.Writer.TryComplete();
}
