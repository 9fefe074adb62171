using k8s;
using k8s.Models;

namespace CpaasX.Operator.Runtime.Informers;

/// <summary>
/// One named index of an <see cref="InformerStore{T}"/>: the keys of the objects under each value the index function
/// gives them. Not thread-safe on its own: the store calls it under its lock, with the object being replaced at hand.
/// </summary>
internal sealed class StoreIndex<T>(Func<T, IEnumerable<string>> valuesOf)
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Dictionary<string, HashSet<ObjectKey>> _keys = new(StringComparer.Ordinal);

    public IEnumerable<ObjectKey> KeysOf(string value) => _keys.TryGetValue(value, out var keys) ? keys : [];

    /// <summary>Moves the object from the values of <paramref name="old"/> (null: it was unknown) to those of <paramref name="current"/>.</summary>
    public void Update(T? old, T current)
    {
        var key = ObjectKey.Of(current);
        IReadOnlyCollection<string> before = old is null ? [] : [.. valuesOf(old)];
        IReadOnlyCollection<string> after = [.. valuesOf(current)];
        foreach (var value in before.Except(after, StringComparer.Ordinal))
        {
            Forget(value, key);
        }

        foreach (var value in after)
        {
            if (!_keys.TryGetValue(value, out var keys))
            {
                keys = [];
                _keys[value] = keys;
            }

            keys.Add(key);
        }
    }

    public void Remove(T old)
    {
        var key = ObjectKey.Of(old);
        foreach (var value in valuesOf(old))
        {
            Forget(value, key);
        }
    }

    private void Forget(string value, ObjectKey key)
    {
        if (_keys.TryGetValue(value, out var keys) && keys.Remove(key) && keys.Count == 0)
        {
            _keys.Remove(value);
        }
    }
}
