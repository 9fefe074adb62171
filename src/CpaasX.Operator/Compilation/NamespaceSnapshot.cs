using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Runtime.Client;

namespace CpaasX.Operator.Compilation;

/// <summary>Every CPaaS X object of one namespace, as the informer stores (or a manifest folder) hold them.</summary>
public sealed record NamespaceSnapshot(
    string Namespace,
    IReadOnlyList<Application> Applications,
    IReadOnlyList<Entity> Entities,
    IReadOnlyList<Resource> Resources,
    IReadOnlyList<ResourceAssociation> ResourceAssociations,
    IReadOnlyList<SenderStrategy> SenderStrategies,
    IReadOnlyList<InboundConfiguration> InboundConfigurations)
{
    /// <summary>The namespace's objects that do not decode: present, never Ready, references to them unresolved.</summary>
    public IReadOnlyList<UndecodableObject> Undecodable { get; init; } = [];

    /// <summary>All objects of the snapshot, kind by kind.</summary>
    public IEnumerable<ICustomResource> All =>
        Applications.Cast<ICustomResource>()
            .Concat(Entities)
            .Concat(Resources)
            .Concat(ResourceAssociations)
            .Concat(SenderStrategies)
            .Concat(InboundConfigurations);

    /// <summary>The snapshot of <paramref name="namespaceName"/> holding <paramref name="objects"/>, sorted into their kinds.</summary>
    public static NamespaceSnapshot Of(string namespaceName, IEnumerable<ICustomResource> objects)
    {
        List<ICustomResource> all = [.. objects];
        return new NamespaceSnapshot(
            namespaceName,
            [.. all.OfType<Application>()],
            [.. all.OfType<Entity>()],
            [.. all.OfType<Resource>()],
            [.. all.OfType<ResourceAssociation>()],
            [.. all.OfType<SenderStrategy>()],
            [.. all.OfType<InboundConfiguration>()]);
    }

    /// <summary>True when the namespace holds no CPaaS X object, so it gets no routing ConfigMap.</summary>
    public bool IsEmpty => !All.Any() && Undecodable.Count == 0;
}
