using CpaasX.Operator.Tests.Support;

namespace CpaasX.Operator.Tests.Install;

public sealed class RbacPolicyTests
{
    private const string Manifest = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: reader}
        rules:
        - apiGroups: [cpaasx.io]
          resources: [applications, "*/status"]
          verbs: [get, list]
        - apiGroups: [""]
          resources: [secrets]
          resourceNames: [token]
          verbs: [get]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: reader}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader}
        subjects: [{kind: ServiceAccount, name: op, namespace: system}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: leases, namespace: system}
        rules:
        - apiGroups: ["*"]
          resources: [leases]
          verbs: ["*"]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: leases, namespace: system}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: leases}
        subjects: [{kind: ServiceAccount, name: op, namespace: system}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: admin}
        rules:
        - apiGroups: ["*"]
          resources: ["*"]
          verbs: ["*"]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: someone-else}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: admin}
        subjects: [{kind: ServiceAccount, name: op, namespace: other}]
        """;

    private static readonly RbacPolicy Policy = RbacPolicy.ForServiceAccount(Manifests.Parse(Manifest), "system", "op");

    [Theory]
    [InlineData("cpaasx.io", "applications", "list", null, null)]
    [InlineData("cpaasx.io", "applications", "get", "shop", null)]
    [InlineData("cpaasx.io", "entities/status", "get", "shop", null)]
    [InlineData("", "secrets", "get", "shop", "token")]
    [InlineData("coordination.k8s.io", "leases", "update", "system", null)]
    public void Allows_what_a_bound_rule_grants_in_its_scope(string apiGroup, string resource, string verb, string? ns, string? name) =>
        Assert.True(Policy.Allows(new RbacRequest(apiGroup, resource, verb, ns, name)));

    [Theory]
    [InlineData("cpaasx.io", "applications", "delete", "shop", null)] // verb not granted
    [InlineData("cpaasx.io", "entities", "get", "shop", null)] // only the status subresource is
    [InlineData("apps", "applications", "get", "shop", null)] // other group
    [InlineData("", "secrets", "get", "shop", "other")] // not a listed resource name
    [InlineData("", "secrets", "list", "shop", null)] // resource names cannot grant a list
    [InlineData("coordination.k8s.io", "leases", "get", "shop", null)] // a Role reaches only its namespace
    [InlineData("coordination.k8s.io", "leases", "list", null, null)] // nor cluster-wide
    [InlineData("", "configmaps", "get", "shop", null)] // the admin binding is another account's
    public void Denies_everything_else(string apiGroup, string resource, string verb, string? ns, string? name) =>
        Assert.False(Policy.Allows(new RbacRequest(apiGroup, resource, verb, ns, name)));

    [Fact]
    public void Flattens_only_the_rules_bound_to_the_account()
    {
        Assert.Equal(6, Policy.Grants.Count);
        Assert.Equal(["ClusterRole reader", "Role leases"], Policy.Grants.Select(grant => grant.Source).Distinct());
    }

    [Fact]
    public void Unused_lists_the_grants_no_request_needed()
    {
        var unused = Policy.Unused(
        [
            new RbacRequest("cpaasx.io", "applications", "list", null),
            new RbacRequest("cpaasx.io", "applications", "get", "shop"),
            new RbacRequest("coordination.k8s.io", "leases", "create", "system"),
        ]);

        Assert.Equal(
            ["get cpaasx.io/*/status", "list cpaasx.io/*/status", "get core/secrets"],
            unused.Select(grant => $"{grant.Verb} {(grant.ApiGroup.Length == 0 ? "core" : grant.ApiGroup)}/{grant.Resource}"));
    }

    [Fact]
    public void A_binding_to_a_missing_role_is_an_error()
    {
        var manifest = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: dangling, namespace: system}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: absent}
            subjects: [{kind: ServiceAccount, name: op, namespace: system}]
            """;

        Assert.Throws<InvalidDataException>(() => RbacPolicy.ForServiceAccount(Manifests.Parse(manifest), "system", "op"));
    }
}
