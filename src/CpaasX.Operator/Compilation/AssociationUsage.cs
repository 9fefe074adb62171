using CpaasX.Operator.Api.V1Alpha1;

namespace CpaasX.Operator.Compilation;

/// <summary>The Ready associations of a namespace by the Application, Entity and Resource they name, for those objects' statuses.</summary>
internal sealed class AssociationUsage
{
    private readonly Dictionary<string, List<string>> _byApplication = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _byEntity = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<AssociationSummary>> _byResource = new(StringComparer.Ordinal);

    public AssociationUsage(IEnumerable<(ResourceAssociation Association, ResolvedAssociation Resolved)> ready)
    {
        foreach ((ResourceAssociation association, ResolvedAssociation resolved) in ready.OrderBy(item => item.Association.Metadata.Name, StringComparer.Ordinal))
        {
            string name = association.Metadata.Name;
            Add(_byApplication, association.Spec.ApplicationRef?.Name, name);
            Add(_byEntity, association.Spec.EntityRef?.Name, name);
            Add(_byResource, association.Spec.ResourceRef?.Name, new AssociationSummary
            {
                Name = name,
                Channel = resolved.Channel,
                ApplicationId = resolved.ApplicationId,
                EntityId = resolved.EntityId,
            });
        }
    }

    /// <summary>Names of the Ready associations whose applicationRef names <paramref name="application"/>, sorted.</summary>
    public IReadOnlyList<string> OfApplication(string? application) => Get(_byApplication, application);

    /// <summary>Names of the Ready associations whose entityRef names <paramref name="entity"/>, sorted.</summary>
    public IReadOnlyList<string> OfEntity(string? entity) => Get(_byEntity, entity);

    /// <summary>The Ready associations of <paramref name="resource"/>, sorted by name.</summary>
    public IReadOnlyList<AssociationSummary> OfResource(string? resource) => Get(_byResource, resource);

    private static void Add<T>(Dictionary<string, List<T>> index, string? key, T item)
    {
        if (key is not null)
        {
            index.AddToList(key, item);
        }
    }

    private static IReadOnlyList<T> Get<T>(Dictionary<string, List<T>> index, string? key) =>
        key is not null && index.TryGetValue(key, out List<T>? items) ? items : [];
}
