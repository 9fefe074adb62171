using System.Text.Json.Nodes;

using CpaasX.ApiServer.Watch;

namespace CpaasX.ApiServer.Storage;

/// <summary>
/// Every object, by collection (a resource's qualified name) and namespace/name, under one lock with one global
/// resourceVersion counter, as etcd gives kube-apiserver. Each write publishes its watch event before the lock is released.
/// </summary>
internal sealed class ObjectStore(WatchHub hub)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Collection> _collections = new(StringComparer.Ordinal);
    private long _resourceVersion;

    public WatchHub Hub => hub;

    public long ResourceVersion
    {
        get
        {
            lock (_gate)
            {
                return _resourceVersion;
            }
        }
    }

    /// <summary>Runs a read-modify-write atomically.</summary>
    public T Atomically<T>(Func<T> action)
    {
        lock (_gate)
        {
            return action();
        }
    }

    public void Atomically(Action action)
    {
        lock (_gate)
        {
            action();
        }
    }

    public StoredObject? Get(string storageKey, string ns, string name)
    {
        lock (_gate)
        {
            return _collections.TryGetValue(storageKey, out var collection)
                ? collection.Objects.GetValueOrDefault(StoredObject.KeyOf(ns, name))
                : null;
        }
    }

    /// <summary>
    /// Up to <paramref name="limit"/> matching objects in namespace/name order, after <paramref name="afterKey"/>;
    /// <c>More</c> tells whether a further page exists.
    /// </summary>
    public (IReadOnlyList<StoredObject> Items, long ResourceVersion, bool More) List(WatchFilter filter, string? afterKey, int limit)
    {
        lock (_gate)
        {
            var items = new List<StoredObject>();
            if (!_collections.TryGetValue(filter.StorageKey, out var collection))
            {
                return (items, _resourceVersion, false);
            }

            foreach (var key in KeysInOrder(collection, filter.Namespace, afterKey))
            {
                var obj = collection.Objects[key];
                if (!filter.Matches(obj))
                {
                    continue;
                }

                if (items.Count == limit)
                {
                    return (items, _resourceVersion, true);
                }

                items.Add(obj);
            }

            return (items, _resourceVersion, false);
        }
    }

    /// <summary>Stores a new state of an object under the next resourceVersion and publishes the event.</summary>
    public StoredObject Put(string storageKey, JsonObject value, StoredObject? previous)
    {
        lock (_gate)
        {
            var stored = StoredObject.Seal(value, ++_resourceVersion);
            var collection = CollectionOf(storageKey);
            collection.Objects[stored.Key] = stored;
            collection.Keys.Add(stored.Key);
            hub.Publish(new WatchEvent(previous is null ? WatchEventType.Added : WatchEventType.Modified, storageKey, stored, previous));
            return stored;
        }
    }

    /// <summary>Removes the object; its DELETED event carries the last state at a new resourceVersion.</summary>
    public StoredObject Remove(string storageKey, StoredObject current)
    {
        lock (_gate)
        {
            var collection = CollectionOf(storageKey);
            collection.Objects.Remove(current.Key);
            collection.Keys.Remove(current.Key);
            var last = StoredObject.Seal(current.CloneValue(), ++_resourceVersion);
            hub.Publish(new WatchEvent(WatchEventType.Deleted, storageKey, last, current));
            return last;
        }
    }

    /// <summary>Every object of a collection, optionally in one namespace.</summary>
    public IReadOnlyList<StoredObject> All(string storageKey, string? ns) =>
        List(new WatchFilter(storageKey, ns, Selectors.LabelSelector.Everything, Selectors.FieldSelector.Everything), null, int.MaxValue).Items;

    /// <summary>Every object in a namespace, with the collection it belongs to.</summary>
    public IReadOnlyList<(string StorageKey, StoredObject Object)> InNamespace(string ns)
    {
        lock (_gate)
        {
            return [.. _collections.Keys.SelectMany(key => All(key, ns).Select(obj => (key, obj)))];
        }
    }

    /// <summary>Opens a watch; from resourceVersion 0 it starts with an ADDED event for every matching object.</summary>
    public Watcher Watch(WatchFilter filter, long? fromResourceVersion)
    {
        lock (_gate)
        {
            if (fromResourceVersion is { } from)
            {
                return hub.SubscribeFrom(filter, from);
            }

            var watcher = hub.Subscribe(filter);
            foreach (var obj in List(filter, null, int.MaxValue).Items)
            {
                watcher.Replay(new WatchEvent(WatchEventType.Added, filter.StorageKey, obj, null));
            }

            return watcher;
        }
    }

    public void StopWatching(Watcher watcher) => Atomically(() => hub.Unsubscribe(watcher));

    public void CloseAllWatches() => Atomically(hub.CloseAll);

    public void Compact() => Atomically(() => hub.Compact(_resourceVersion));

    public long WindowStart => Atomically(() => hub.WindowStart);

    private Collection CollectionOf(string storageKey)
    {
        if (!_collections.TryGetValue(storageKey, out var collection))
        {
            collection = new Collection();
            _collections[storageKey] = collection;
        }

        return collection;
    }

    private static IEnumerable<string> KeysInOrder(Collection collection, string? ns, string? afterKey)
    {
        if (collection.Keys.Count == 0)
        {
            return [];
        }

        // Namespace/name keys sort by namespace first, so one namespace is one contiguous range.
        var from = ns is null ? collection.Keys.Min! : ns + "/";
        var to = ns is null ? collection.Keys.Max! : ns + "/\uffff";
        if (afterKey is not null && string.CompareOrdinal(afterKey, from) >= 0)
        {
            from = afterKey;
        }

        return string.CompareOrdinal(from, to) > 0
            ? []
            : collection.Keys.GetViewBetween(from, to).Where(k => k != afterKey);
    }

    private sealed class Collection
    {
        public Dictionary<string, StoredObject> Objects { get; } = new(StringComparer.Ordinal);
        public SortedSet<string> Keys { get; } = new(StringComparer.Ordinal);
    }
}
