using CpaasX.Operator.Api.V1Alpha1;

namespace CpaasX.Operator.Compilation;

/// <summary>
/// The associations of a namespace by the Application, Entity and Resource they name, for those objects' statuses: an
/// Application or Entity counts its Ready ones; a Resource lists every one naming it, Ready or not, with its readiness.
/// Associations being deleted are left out.
/// </summary>
internal sealed class AssociationUsage
{
    private readonly Dictionary<string, List<string>> _byApplication = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _byEntity = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<AssociationSummary>> _byResource = new(StringComparer.Ordinal);

    public AssociationUsage(IEnumerable<(ResourceAssociation Association, Verdict Verdict, ResolvedAssociation? Resolved)> associations)
    {
        foreach ((var association, var verdict, var resolved) in associations.OrderBy(item => item.Association.Metadata?.Name, StringComparer.Ordinal))
        {
            var name = association.Metadata?.Name ?? "";
            if (verdict.IsReady)
            {
                Add(_byApplication, association.Spec.ApplicationRef?.Name, name);
                Add(_byEntity, association.Spec.EntityRef?.Name, name);
            }

            Add(_byResource, association.Spec?.ResourceRef?.Name, new AssociationSummary
            {
                Name = name,
                Channel = resolved?.Channel ?? association.Spec?.Channel,
                Ready = verdict.IsReady ? ConditionStatuses.True : ConditionStatuses.False,
                Reason = verdict.Reason,
                ApplicationId = verdict.IsReady ? resolved?.ApplicationId : null,
                EntityId = verdict.IsReady ? resolved?.EntityId : null,
            });
        }
    }

    /// <summary>Names of the Ready associations whose applicationRef names <paramref name="application"/>, sorted.</summary>
    public IReadOnlyList<string> OfApplication(string? application) => Get(_byApplication, application);

    /// <summary>Names of the Ready associations whose entityRef names <paramref name="entity"/>, sorted.</summary>
    public IReadOnlyList<string> OfEntity(string? entity) => Get(_byEntity, entity);

    /// <summary>Every association naming <paramref name="resource"/>, Ready or not, sorted by name.</summary>
    public IReadOnlyList<AssociationSummary> OfResource(string? resource) => Get(_byResource, resource);
    private static void Add<T>(Dictionary<string, List<T>> index, string? key, T item)
    {
        if (key is not null)
        {
            index.AddToList(key, item);
        }
    }

    private static IReadOnlyList<T> Get<T>(Dictionary<string, List<T>> index, string? key) =>
        key is not null && index.TryGetValue(key, out var items) ? items : [];
}
