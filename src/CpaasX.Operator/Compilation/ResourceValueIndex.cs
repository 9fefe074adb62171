using CpaasX.Operator.Api.V1Alpha1;

namespace CpaasX.Operator.Compilation;

/// <summary>
/// Cluster-wide: which Resources declare each resource value, so that a value declared twice anywhere is one resource
/// bought once (the oldest declaration wins, the others are <c>Duplicate</c>). A Resource counts when its value can be
/// computed and it is not being deleted.
/// </summary>
public sealed class ResourceValueIndex
{
    private readonly Dictionary<string, List<ResourceDeclaration>> _declarations;

    private ResourceValueIndex(Dictionary<string, List<ResourceDeclaration>> declarations) => _declarations = declarations;

    /// <summary>An index without any value, for compiling a namespace on its own.</summary>
    public static ResourceValueIndex Empty { get; } = new(new(StringComparer.Ordinal));

    /// <summary>Indexes every Resource of the cluster (all namespaces).</summary>
    public static ResourceValueIndex Build(IEnumerable<Resource> resources)
    {
        Dictionary<string, List<ResourceDeclaration>> declarations = new(StringComparer.Ordinal);
        foreach (Resource resource in resources)
        {
            if (resource?.Metadata is not { DeletionTimestamp: null } metadata || ValueOf(resource) is not string value)
            {
                continue;
            }

            declarations.AddToList(value, new ResourceDeclaration(metadata.NamespaceProperty ?? "", metadata.Name ?? "", metadata.CreationTimestamp));
        }

        foreach (List<ResourceDeclaration> list in declarations.Values)
        {
            list.Sort();
        }

        return new ResourceValueIndex(declarations);
    }

    /// <summary>The normalized, type-qualified value a Resource declares; null when its spec does not name one.</summary>
    public static string? ValueOf(Resource resource) => ResourceValues.Key(resource?.Spec);

    /// <summary>Every declaration of <paramref name="value"/>, oldest first.</summary>
    public IReadOnlyList<ResourceDeclaration> DeclarationsOf(string value) =>
        _declarations.TryGetValue(value, out List<ResourceDeclaration>? list) ? list : [];
}
