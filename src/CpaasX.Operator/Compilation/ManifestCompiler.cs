using CpaasX.Operator.Api.V1Alpha1;

namespace CpaasX.Operator.Compilation;

/// <summary>
/// Compiles objects read from manifests, offline, exactly as the operator compiles the cluster: objects without a
/// namespace go to <c>default</c>; objects without a creationTimestamp count as created after every dated one, in the
/// order they were read; the resource value index spans every namespace read.
/// </summary>
public static class ManifestCompiler
{
    public const string DefaultNamespace = "default";

    /// <summary>One result per namespace, sorted by namespace. Fills in the namespace and creationTimestamp of the objects.</summary>
    public static IReadOnlyList<CompileResult> Compile(IEnumerable<ICustomResource> objectsInReadOrder, DateTimeOffset now)
    {
        List<ICustomResource> objects = [.. objectsInReadOrder];
        var start = objects.Select(item => item.Metadata?.CreationTimestamp).Max() ?? DateTime.UnixEpoch;
        var undated = 0;
        foreach (var item in objects)
        {
            item.Metadata ??= new();
            item.Metadata.NamespaceProperty = string.IsNullOrEmpty(item.Metadata.NamespaceProperty) ? DefaultNamespace : item.Metadata.NamespaceProperty;
            item.Metadata.CreationTimestamp ??= start.AddSeconds(++undated);
        }

        var index = ResourceValueIndex.Build(objects.OfType<Resource>());
        return [.. objects
            .GroupBy(item => item.Metadata.NamespaceProperty, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => NamespaceCompiler.Compile(NamespaceSnapshot.Of(group.Key, group), index, now))];
    }
}
