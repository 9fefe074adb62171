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
    public void Created(PlatformKind kind, string key, string owner, InboundListing? listing = null) { lock (_lock) { _entries[(kind, key)] = new RecordEntry(owner, Created: true, listing); } }

    /// <summary>Records an object that already existed and matched; an earlier entry (a creation) is kept, its missing listing filled in.</summary>
    public void Adopted(PlatformKind kind, string key, string owner, InboundListing? listing = null)
    {
        lock (_lock)
        {
            _entries[(kind, key)] = _entries.TryGetValue((kind, key), out var earlier)
                ? earlier with { Listing = earlier.Listing ?? listing }
                : new RecordEntry(owner, Created: false, listing);
        }
    }

    /// <summary>The numbers and channels the recorded inbound configurations are listed under.</summary>
    public IEnumerable<InboundListing> InboundListings() =>
        Entries.Where(entry => entry.Key.Kind == PlatformKind.InboundConfiguration).Select(entry => entry.Value.Listing).OfType<InboundListing>();

    public void Forget(PlatformKind kind, string key) { lock (_lock) { _entries.Remove((kind, key)); } }
}
