using k8s;
using k8s.Models;

namespace CpaasX.Operator.Runtime;

/// <summary>
/// The informer's local, thread-safe copy of the watched objects, indexed by namespace and name.
/// Readers use it instead of the API; only the owning <see cref="Informer{T}"/> writes to it.
/// </summary>
public sealed class InformerStore<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, T>> _byNamespace = new(StringComparer.Ordinal);
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

    /// <summary>Stores <paramref name="obj"/>; returns ADDED if it was unknown, MODIFIED otherwise.</summary>
    internal WatchEventType Upsert(T obj)
    {
        var key = ObjectKey.Of(obj);
        lock (_gate)
        {
            var objects = NamespaceOf(key.Namespace);
            var added = !objects.ContainsKey(key.Name);
            objects[key.Name] = obj;
            _count += added ? 1 : 0;
            return added ? WatchEventType.Added : WatchEventType.Modified;
        }
    }

    /// <summary>Removes the object with the key of <paramref name="obj"/>, if it is stored.</summary>
    internal void Remove(T obj)
    {
        var key = ObjectKey.Of(obj);
        lock (_gate)
        {
            RemoveLocked(key);
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
                changes.Add(new InformerEvent<T>(WatchEventType.Deleted, gone));
            }

            foreach (var obj in listed)
            {
                var key = ObjectKey.Of(obj);
                var objects = NamespaceOf(key.Namespace);
                if (!objects.TryGetValue(key.Name, out var stored))
                {
                    _count++;
                    changes.Add(new InformerEvent<T>(WatchEventType.Added, obj));
                }
                else if (stored.Metadata?.ResourceVersion != obj.Metadata?.ResourceVersion)
                {
                    changes.Add(new InformerEvent<T>(WatchEventType.Modified, obj));
                }

                objects[key.Name] = obj;
            }
        }

        return changes;
    }

    private Dictionary<string, T> NamespaceOf(string @namespace)
    {
        if (!_byNamespace.TryGetValue(@namespace, out var objects))
        {
            objects = new Dictionary<string, T>(StringComparer.Ordinal);
            _byNamespace[@namespace] = objects;
        }

        return objects;
    }

    private void RemoveLocked(ObjectKey key)
    {
        if (!_byNamespace.TryGetValue(key.Namespace, out var objects) || !objects.Remove(key.Name))
        {
            return;
        }

        _count--;
        if (objects.Count == 0)
        {
            _byNamespace.Remove(key.Namespace);
        }
    }
}
