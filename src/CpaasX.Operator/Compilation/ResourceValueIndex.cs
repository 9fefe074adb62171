using CpaasX.Operator.Api.V1Alpha1;

namespace CpaasX.Operator.Compilation;

/// <summary>
/// Cluster-wide: which Resources declare each resource value, so that a value declared twice anywhere is one resource
/// bought once (the oldest declaration wins, the others are <c>Duplicate</c>). A Resource counts when its value can be
/// computed and it is not being deleted (<see cref="DeclaredValue"/>). The operator reads it from the Resource
/// informer's store, which keeps it current on every event (<see cref="Over"/>); a manifest folder builds it once.
/// </summary>
public sealed class ResourceValueIndex
{
    /// <summary>The name of the Resource store's index by <see cref="DeclaredValue"/>.</summary>
    public const string StoreIndexName = "resource-value";

    private readonly Func<string, IEnumerable<Resource>> _declarers;

    private ResourceValueIndex(Func<string, IEnumerable<Resource>> declarers) => _declarers = declarers;

    /// <summary>An index without any value, for compiling a namespace on its own.</summary>
    public static ResourceValueIndex Empty { get; } = new(_ => []);

    /// <summary>Indexes <paramref name="resources"/> once (a manifest folder, all namespaces).</summary>
    public static ResourceValueIndex Build(IEnumerable<Resource> resources)
    {
        var byValue = resources
            .Where(resource => DeclaredValue(resource) is not null)
            .ToLookup(resource => DeclaredValue(resource)!, StringComparer.Ordinal);
        return new ResourceValueIndex(value => byValue[value]);
    }

    /// <summary>
    /// The index kept by a store: <paramref name="declarers"/> answers, at the time of asking, the Resources whose
    /// <see cref="DeclaredValue"/> is the given value.
    /// </summary>
    public static ResourceValueIndex Over(Func<string, IEnumerable<Resource>> declarers) => new(declarers);

    /// <summary>The normalized, type-qualified value a Resource declares; null when its spec does not name one.</summary>
    public static string? ValueOf(Resource resource) => ResourceValues.Key(resource?.Spec);

    /// <summary>The value <paramref name="resource"/> holds in the index: its <see cref="ValueOf"/>, none while it is being deleted.</summary>
    public static string? DeclaredValue(Resource resource) =>
        resource?.Metadata is { DeletionTimestamp: null } ? ValueOf(resource) : null;

    /// <summary>Every declaration of <paramref name="value"/>, oldest first.</summary>
    public IReadOnlyList<ResourceDeclaration> DeclarationsOf(string value) =>
        [.. _declarers(value)
            .Select(resource => new ResourceDeclaration(resource.Metadata.NamespaceProperty ?? "", resource.Metadata.Name ?? "", resource.Metadata.CreationTimestamp))
            .Order()];

    /// <summary>The namespaces holding a declaration of <paramref name="value"/>.</summary>
    public IReadOnlyList<string> NamespacesDeclaring(string value) =>
        [.. _declarers(value).Select(resource => resource.Metadata.NamespaceProperty ?? "").Distinct(StringComparer.Ordinal)];
}
