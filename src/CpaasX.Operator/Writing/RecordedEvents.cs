using k8s.Models;

namespace CpaasX.Operator.Writing;

/// <summary>
/// The Events this recorder created, by what makes two of them the same one (the involved object, type, reason and
/// message), as client-go's event correlator remembers them: the least recently recorded are forgotten first.
/// </summary>
internal sealed class RecordedEvents(int capacity)
{
    /// <summary>client-go's limit for the same cache (<c>maxLruCacheEntries</c>).</summary>
    public const int DefaultCapacity = 4096;

    private readonly Dictionary<string, LinkedListNode<(string Key, RecordedEvent Event)>> _byKey = [];
    private readonly LinkedList<(string Key, RecordedEvent Event)> _recency = new();
    private readonly Lock _lock = new();

    public static string KeyOf(V1ObjectReference involved, PlannedEvent planned) =>
        string.Join('\n', involved.ApiVersion, involved.Kind, involved.NamespaceProperty, involved.Name, involved.Uid, planned.Type, planned.Reason, planned.Message);

    /// <summary>The Event created for <paramref name="key"/>, now counted once more; null when there is none to repeat.</summary>
    public RecordedEvent? Repeat(string key)
    {
        lock (_lock)
        {
            if (!_byKey.TryGetValue(key, out var node))
            {
                return null;
            }

            node.Value = (key, node.Value.Event with { Count = node.Value.Event.Count + 1 });
            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value.Event;
        }
    }

    public void Remember(string key, RecordedEvent recorded)
    {
        lock (_lock)
        {
            if (_byKey.Remove(key, out var existing))
            {
                _recency.Remove(existing);
            }

            _byKey[key] = _recency.AddFirst((key, recorded));
            if (_byKey.Count > capacity)
            {
                _byKey.Remove(_recency.Last!.Value.Key);
                _recency.RemoveLast();
            }
        }
    }

    public void Forget(string key)
    {
        lock (_lock)
        {
            if (_byKey.Remove(key, out var node))
            {
                _recency.Remove(node);
            }
        }
    }
}

/// <summary>An Event as stored: its name, and how often it has happened.</summary>
internal sealed record RecordedEvent(string Name, int Count);
