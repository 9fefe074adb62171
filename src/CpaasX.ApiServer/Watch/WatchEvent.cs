using CpaasX.ApiServer.Storage;

namespace CpaasX.ApiServer.Watch;

/// <summary>One change in the event window. <see cref="Previous"/> lets a selecting watcher see an object enter or leave its selection.</summary>
internal sealed record WatchEvent(WatchEventType Type, string StorageKey, StoredObject Object, StoredObject? Previous)
{
    public long ResourceVersion => Object.ResourceVersion;
}
