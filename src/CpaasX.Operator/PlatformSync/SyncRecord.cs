namespace CpaasX.Operator.PlatformSync;

/// <summary>
/// The platform objects a namespace's sync manages, by kind and key. The platform stores no owner of its own
/// (applications carry only an ID and a name), so this record is what tells "ours" from objects made in the web
/// interface; the sync never deletes an object it has no entry for.
/// </summary>
public sealed class SyncRecord
{
    private readonly Dictionary<(PlatformKind, string), RecordEntry> _entries = [];
    private readonly Lock _lock = new();

    public IReadOnlyDictionary<(PlatformKind Kind, string Key), RecordEntry> Entries { get { lock (_lock) { return new Dictionary<(PlatformKind, string), RecordEntry>(_entries); } } }

    public RecordEntry? Find(PlatformKind kind, string key) { lock (_lock) { return _entries.GetValueOrDefault((kind, key)); } }

    /// <summary>Records an object the operator created.</summary>
    public void Created(PlatformKind kind, string key, string owner) { lock (_lock) { _entries[(kind, key)] = new RecordEntry(owner, Created: true); } }

    /// <summary>Records an object that already existed and matched; an earlier entry (a creation) is kept.</summary>
    public void Adopted(PlatformKind kind, string key, string owner) { lock (_lock) { _entries.TryAdd((kind, key), new RecordEntry(owner, Created: false)); } }

    public void Forget(PlatformKind kind, string key) { lock (_lock) { _entries.Remove((kind, key)); } }
}
