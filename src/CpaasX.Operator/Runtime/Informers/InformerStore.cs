using k8s;
using k8s.Models;

namespace CpaasX.Operator.Runtime.Informers;

/// <summary>
/// The informer's local, thread-safe copy of the watched objects, held by namespace and name (which is its
/// namespace index), plus the named indexes added with <see cref="AddIndex"/>. Readers use it instead of the API; only
/// the owning <see cref="Informer{T}"/> writes to it. As client-go's thread-safe store, every write updates the indexes
/// from the stored object it replaces or removes, so an index never holds a value its object no longer has.
/// </summary>
public sealed class InformerStore<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, T>> _byNamespace = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoreIndex<T>> _indexes = new(StringComparer.Ordinal);
    private int _count;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>
    /// Adds the index <paramref name="name"/>: each object is found under every value <paramref name="valuesOf"/>
    /// gives it (none leaves it out). Objects already stored are indexed at once.
    /// </summary>
    public void AddIndex(string name, Func<T, IEnumerable<string>> valuesOf)
    {
        lock (_gate)
        {
            var index = new StoreIndex<T>(valuesOf);
            foreach (var obj in _byNamespace.Values.SelectMany(objects => objects.Values))
            {
                index.Update(null, obj);
            }

            _indexes.Add(name, index);
        }
    }

    /// <summary>A snapshot of the stored objects that index <paramref name="name"/> holds under <paramref name="value"/>.</summary>
    public IReadOnlyList<T> ByIndex(string name, string value)
    {
        lock (_gate)
        {
            return [.. _indexes[name].KeysOf(value).Select(key => _byNamespace[key.Namespace][key.Name])];
        }
    }

    public T? Get(ObjectKey key)
    {
        lock (_gate)
        {
            return _byNamespace.TryGetValue(key.Namespace, out var objects) ? objects.GetValueOrDefault(key.Name) : null;
        }
    }

    /// <summary>A snapshot of the objects of one namespace (empty string for cluster-scoped objects).</summary>
    public IReadOnlyList<T> List(string @namespace)
    {
        lock (_gate)
        {
            return _byNamespace.TryGetValue(@namespace, out var objects) ? [.. objects.Values] : [];
        }
    }

    /// <summary>A snapshot of every object in the store.</summary>
    public IReadOnlyList<T> ListAll()
    {
        lock (_gate)
        {
            return [.. _byNamespace.Values.SelectMany(objects => objects.Values)];
        }
    }

    /// <summary>The namespaces that currently hold at least one object.</summary>
    public IReadOnlyList<string> Namespaces()
    {
        lock (_gate)
        {
            return [.. _byNamespace.Keys];
        }
    }

    /// <summary>Stores <paramref name="obj"/>; returns ADDED if it was unknown, MODIFIED (with the object it replaced) otherwise.</summary>
    internal InformerEvent<T> Upsert(T obj)
    {
        lock (_gate)
        {
            var old = PutLocked(obj);
            return old is null ? new InformerEvent<T>(WatchEventType.Added, obj) : new InformerEvent<T>(WatchEventType.Modified, obj, old);
        }
    }

    /// <summary>Removes the object with the key of <paramref name="obj"/>; returns the stored object it removed, if any.</summary>
    internal T? Remove(T obj)
    {
        lock (_gate)
        {
            return RemoveLocked(ObjectKey.Of(obj));
        }
    }

    /// <summary>
    /// Makes the objects in <paramref name="scope"/> (one namespace, or every namespace when null) exactly
    /// <paramref name="listed"/>, and returns what changed: unknown objects ADDED, objects with another
    /// resourceVersion MODIFIED, and objects that vanished DELETED with their last known state.
    /// </summary>
    internal IReadOnlyList<InformerEvent<T>> Replace(string? scope, IReadOnlyList<T> listed)
    {
        var changes = new List<InformerEvent<T>>();
        lock (_gate)
        {
            var listedKeys = listed.Select(ObjectKey.Of).ToHashSet();
            var vanished = _byNamespace
                .Where(entry => scope is null || entry.Key == scope)
                .SelectMany(entry => entry.Value.Values)
                .Where(stored => !listedKeys.Contains(ObjectKey.Of(stored)))
                .ToList();
            foreach (var gone in vanished)
            {
                RemoveLocked(ObjectKey.Of(gone));
                changes.Add(new InformerEvent<T>(WatchEventType.Deleted, gone, gone));
            }

            foreach (var obj in listed)
            {
                var old = PutLocked(obj);
                if (old is null)
                {
                    changes.Add(new InformerEvent<T>(WatchEventType.Added, obj));
                }
                else if (old.Metadata?.ResourceVersion != obj.Metadata?.ResourceVersion)
                {
                    changes.Add(new InformerEvent<T>(WatchEventType.Modified, obj, old));
                }
            }
        }

        return changes;
    }

    /// <summary>Stores <paramref name="obj"/> and reindexes it; returns the object it replaced, null if it was unknown.</summary>
    private T? PutLocked(T obj)
    {
        var key = ObjectKey.Of(obj);
        if (!_byNamespace.TryGetValue(key.Namespace, out var objects))
        {
            objects = new Dictionary<string, T>(StringComparer.Ordinal);
            _byNamespace[key.Namespace] = objects;
        }

        var old = objects.GetValueOrDefault(key.Name);
        objects[key.Name] = obj;
        _count += old is null ? 1 : 0;
        foreach (var index in _indexes.Values)
        {
            index.Update(old, obj);
        }

        return old;
    }

    private T? RemoveLocked(ObjectKey key)
    {
        if (!_byNamespace.TryGetValue(key.Namespace, out var objects) || !objects.Remove(key.Name, out var old))
        {
            return null;
        }

        _count--;
        if (objects.Count == 0)
        {
            _byNamespace.Remove(key.Namespace);
        }

        foreach (var index in _indexes.Values)
        {
            index.Remove(old);
        }

        return old;
    }
}
