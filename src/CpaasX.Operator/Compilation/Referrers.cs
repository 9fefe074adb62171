using CpaasX.Operator.Api.V1Alpha1;

namespace CpaasX.Operator.Compilation;

/// <summary>
/// Who references each Application, Entity and Resource of a namespace (any object, Ready or not, that is not being
/// deleted itself), as <c>Kind/name</c>: the in-use information that keeps a deleting object's finalizer on.
/// </summary>
internal sealed class Referrers
{
    private readonly Dictionary<(string Kind, string Name), SortedSet<string>> _byTarget = [];

    public Referrers(NamespaceSnapshot snapshot)
    {
        foreach (var referrer in snapshot.All.Where(item => item.Metadata?.DeletionTimestamp is null))
        {
            var source = $"{referrer.GetType().Name}/{referrer.Metadata?.Name}";
            foreach ((var kind, var reference) in References(referrer))
            {
                if (reference?.Name is { Length: > 0 } name)
                {
                    Add(kind, name, source);
                }
            }
        }
    }

    /// <summary>The referrers of <paramref name="target"/>, sorted.</summary>
    public IReadOnlyList<string> Of(ICustomResource target) =>
        _byTarget.TryGetValue((target.GetType().Name, target.Metadata?.Name ?? ""), out var sources) ? [.. sources] : [];

    /// <summary>The references <paramref name="referrer"/> makes, by target kind, in the order compile checks them.</summary>
    public static IEnumerable<(string Kind, LocalObjectReference? Reference)> References(ICustomResource referrer) => referrer switch
    {
        Resource { Spec: { } spec } => [(nameof(Application), spec.ApplicationRef), (nameof(Entity), spec.EntityRef)],
        ResourceAssociation { Spec: { } spec } =>
            [(nameof(Resource), spec.ResourceRef), (nameof(Application), spec.ApplicationRef), (nameof(Entity), spec.EntityRef)],
        SenderStrategy { Spec: { } spec } => [(nameof(Application), spec.ApplicationRef), (nameof(Entity), spec.EntityRef)],
        InboundConfiguration { Spec: { } spec } =>
            [(nameof(Resource), spec.ResourceRef), (nameof(Application), spec.ApplicationRef), (nameof(Entity), spec.EntityRef)],
        _ => [],
    };

    private void Add(string kind, string name, string source)
    {
        if (!_byTarget.TryGetValue((kind, name), out var sources))
        {
            _byTarget[(kind, name)] = sources = new SortedSet<string>(StringComparer.Ordinal);
        }

        sources.Add(source);
    }
}
