using System.Threading.Channels;

namespace CpaasX.ApiServer.Watch;

/// <summary>
/// One open watch. Events are offered under the store's lock and queued without blocking the writer; the HTTP handler
/// drains the queue at its own pace.
/// </summary>
internal sealed class Watcher(WatchFilter filter)
{
    // Not SingleReader: only the multi-reader channel can tell its Count, which bookmarks need.
    private readonly Channel<WatchEvent> _events = Channel.CreateUnbounded<WatchEvent>();

    public WatchFilter Filter { get; } = filter;

    public ChannelReader<WatchEvent> Events => _events.Reader;

    /// <summary>Queues the event as this watcher sees it: an object entering the selection is ADDED, one leaving it DELETED.</summary>
    public void Offer(WatchEvent change)
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
        if (seen is { } type)
        {
            _events.Writer.TryWrite(type == change.Type ? change : change with { Type = type });
        }
    }

    public void Close() => _events.Writer.TryComplete();
}
