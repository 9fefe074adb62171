using YamlDotNet.RepresentationModel;

namespace CpaasX.Operator.Tests.Support;

/// <summary>
/// What the RBAC objects of a manifest let one ServiceAccount do: the rules of every Role and ClusterRole
/// bound to it, flattened to grants. The RBAC proof test feeds it the requests the operator made.
/// </summary>
public sealed class RbacPolicy
{
    private RbacPolicy(IReadOnlyList<RbacGrant> grants) => Grants = grants;

    public IReadOnlyList<RbacGrant> Grants { get; }

    public static RbacPolicy ForServiceAccount(IEnumerable<ManifestObject> objects, string serviceAccountNamespace, string serviceAccountName)
    {
        var all = objects.ToList();
        var grants = new List<RbacGrant>();
        foreach (var binding in all.Where(o => o.Kind is "RoleBinding" or "ClusterRoleBinding"))
        {
            if (!binding.Sequence("subjects").Any(subject => IsServiceAccount(subject, serviceAccountNamespace, serviceAccountName)))
            {
                continue;
            }

            // A RoleBinding limits even a ClusterRole's rules to its own namespace.
            var scope = binding.Kind == "RoleBinding" ? binding.Namespace ?? throw new InvalidDataException($"{binding} has no namespace.") : null;
            var role = FindRole(all, binding, scope);
            foreach (var rule in role.Sequence("rules"))
            {
                grants.AddRange(Flatten(rule, scope, $"{role.Kind} {role.Name}"));
            }
        }

        return new RbacPolicy(grants);
    }

    /// <summary>
    /// What the manifest adds to a built-in aggregated ClusterRole (<c>admin</c>, <c>edit</c>, <c>view</c>): the rules
    /// of every ClusterRole labelled <c>rbac.authorization.k8s.io/aggregate-to-NAME: "true"</c>, as Kubernetes'
    /// ClusterRole aggregation controller copies them into the built-in role.
    /// </summary>
    public static RbacPolicy AggregatedInto(IEnumerable<ManifestObject> objects, string builtInRole)
    {
        var label = $"rbac.authorization.k8s.io/aggregate-to-{builtInRole}";
        var grants =
            from role in objects
            where role.Kind == "ClusterRole" && role.Scalar("metadata", "labels", label) == "true"
            from rule in role.Sequence("rules")
            from grant in Flatten(rule, null, $"ClusterRole {role.Name}")
            select grant;
        return new RbacPolicy(grants.ToList());
    }

    public bool Allows(RbacRequest request) => Grants.Any(grant => grant.Allows(request));

    /// <summary>The grants that none of <paramref name="requests"/> needed.</summary>
    public IReadOnlyList<RbacGrant> Unused(IEnumerable<RbacRequest> requests)
    {
        var made = requests.ToList();
        return Grants.Where(grant => !made.Any(grant.Allows)).ToList();
    }

    private static bool IsServiceAccount(YamlNode subject, string serviceAccountNamespace, string serviceAccountName) =>
        ManifestPath.Scalar(subject, "kind") == "ServiceAccount"
        && ManifestPath.Scalar(subject, "name") == serviceAccountName
        && ManifestPath.Scalar(subject, "namespace") == serviceAccountNamespace;

    private static ManifestObject FindRole(IReadOnlyList<ManifestObject> objects, ManifestObject binding, string? scope)
    {
        var kind = binding.Scalar("roleRef", "kind");
        var name = binding.Scalar("roleRef", "name");
        return objects.SingleOrDefault(o => o.Kind == kind && o.Name == name && (kind == "ClusterRole" || o.Namespace == scope))
            ?? throw new InvalidDataException($"{binding} refers to {kind} {name}, which the manifest does not hold.");
    }

    private static IEnumerable<RbacGrant> Flatten(YamlNode rule, string? scope, string source)
    {
        var resourceNames = ManifestPath.Strings(rule, "resourceNames");
        return
            from apiGroup in ManifestPath.Strings(rule, "apiGroups")
            from resource in ManifestPath.Strings(rule, "resources")
            from verb in ManifestPath.Strings(rule, "verbs")
            select new RbacGrant(apiGroup, resource, verb, scope, resourceNames, source);
    }
}
