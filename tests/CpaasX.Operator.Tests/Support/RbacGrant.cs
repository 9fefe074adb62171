namespace CpaasX.Operator.Tests.Support;

/// <summary>
/// One (apiGroup, resource, verb) a bound rule grants, in its scope: <paramref name="Namespace"/> is the
/// RoleBinding's namespace, or null for a ClusterRoleBinding (every namespace and cluster-scoped requests).
/// </summary>
public sealed record RbacGrant(string ApiGroup, string Resource, string Verb, string? Namespace, IReadOnlyList<string> ResourceNames, string Source)
{
    private const string Wildcard = "*";

    /// <summary>Kubernetes' rule matching: exact values or <c>*</c>; <c>*/status</c> covers every status subresource.</summary>
    public bool Allows(RbacRequest request) =>
        (Namespace is null || Namespace == request.Namespace)
        && (ApiGroup == Wildcard || ApiGroup == request.ApiGroup)
        && ResourceMatches(request.Resource)
        && (Verb == Wildcard || Verb == request.Verb)
        && (ResourceNames.Count == 0 || (request.Name is not null && ResourceNames.Contains(request.Name)));

    private bool ResourceMatches(string requested)
    {
        if (Resource == Wildcard || Resource == requested)
        {
            return true;
        }

        var slash = requested.IndexOf('/');
        return slash >= 0 && Resource == Wildcard + requested[slash..];
    }

    public override string ToString() =>
        $"{Verb} {(ApiGroup.Length == 0 ? "core" : ApiGroup)}/{Resource} {(Namespace is null ? "cluster-wide" : $"in {Namespace}")} (from {Source})";
}
