using System.Collections.Immutable;

namespace CpaasX.ApiServer.Resources;

/// <summary>
/// Every served group-version-plural. Replaced as a whole when a CRD comes or goes, so readers (discovery, routing)
/// never lock; <see cref="Revision"/> changes with each replacement and feeds the OpenAPI hashes.
/// </summary>
internal sealed class ResourceRegistry
{
    private ImmutableDictionary<(string Group, string Version, string Plural), ResourceType> _types;
    private long _revision;

    public ResourceRegistry()
    {
        _types = BuiltInResources.All.ToImmutableDictionary(t => (t.Group, t.Version, t.Plural));
    }

    public long Revision => Interlocked.Read(ref _revision);

    public IEnumerable<ResourceType> All => _types.Values;

    public ResourceType? Find(string group, string version, string plural) =>
        _types.GetValueOrDefault((group, version, plural));

    public bool ServesGroupVersion(string group, string version) =>
        _types.Keys.Any(k => k.Group == group && k.Version == version);

    /// <summary>Serves the CRD's versions in place of whatever it served before (called under the store's lock).</summary>
    public void Replace(string group, string plural, IReadOnlyList<ResourceType> served)
    {
        var builder = _types.ToBuilder();
        foreach (var key in builder.Keys.Where(k => k.Group == group && k.Plural == plural).ToList())
        {
            builder.Remove(key);
        }

        foreach (var type in served)
        {
            builder[(type.Group, type.Version, type.Plural)] = type;
        }

        _types = builder.ToImmutable();
        Interlocked.Increment(ref _revision);
    }
}
