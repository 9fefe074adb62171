using CpaasX.Operator.Api.V1Alpha1;

namespace CpaasX.Operator.Compilation;

/// <summary>
/// Cluster-wide: which Resources declare each resource value, so that a value declared twice anywhere is one resource
/// bought once (the oldest declaration wins, the others are <c>Duplicate</c>).
/// </summary>
public sealed class ResourceValueIndex
{
    /// <summary>Indexes every Resource of the cluster (all namespaces).</summary>
    public static ResourceValueIndex Build(IEnumerable<Resource> resources) => throw new NotImplementedException();

    /// <summary>The normalized, type-qualified value a Resource declares; null when its spec does not name one.</summary>
    public static string? ValueOf(Resource resource) => throw new NotImplementedException();

    /// <summary>The namespaces holding a Resource that declares <paramref name="value"/>.</summary>
    public IReadOnlySet<string> NamespacesDeclaring(string value) => throw new NotImplementedException();
}
