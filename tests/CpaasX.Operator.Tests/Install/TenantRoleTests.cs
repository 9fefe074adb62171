using CpaasX.Operator.Tests.Support;

namespace CpaasX.Operator.Tests.Install;

/// <summary>
/// The tenant roles of config/default, as Kubernetes aggregates them into the built-in roles: whoever holds
/// <c>admin</c> or <c>edit</c> in a namespace manages the six kinds there, whoever holds <c>view</c> reads them, and
/// status stays the operator's alone.
/// </summary>
public sealed class TenantRoleTests
{
    private static readonly Lazy<Task<IReadOnlyList<ManifestObject>>> Rendered = new(() => Manifests.RenderAsync(InstallManifest.DefaultKustomization));

    private static readonly string[] ReadVerbs = ["get", "list", "watch"];
    private static readonly string[] WriteVerbs = ["create", "update", "patch", "delete", "deletecollection"];

    [Theory]
    [InlineData("admin")]
    [InlineData("edit")]
    public async Task Admin_and_edit_manage_every_kind_but_not_its_status(string builtInRole)
    {
        var role = RbacPolicy.AggregatedInto(await Rendered.Value, builtInRole);

        foreach (var plural in InstallManifest.CustomResourcePlurals)
        {
            Assert.All(ReadVerbs.Concat(WriteVerbs), verb => Assert.True(role.Allows(new RbacRequest("cpaasx.io", plural, verb, "shop")), $"{builtInRole}: {verb} {plural}"));
            Assert.True(role.Allows(new RbacRequest("cpaasx.io", $"{plural}/status", "get", "shop")));
            Assert.All(WriteVerbs, verb => Assert.False(role.Allows(new RbacRequest("cpaasx.io", $"{plural}/status", verb, "shop")), $"{builtInRole}: {verb} {plural}/status"));
        }
    }

    [Fact]
    public async Task View_reads_every_kind_and_its_status_and_writes_nothing()
    {
        var role = RbacPolicy.AggregatedInto(await Rendered.Value, "view");

        foreach (var resource in InstallManifest.CustomResourcePlurals.SelectMany(plural => new[] { plural, $"{plural}/status" }))
        {
            Assert.All(ReadVerbs, verb => Assert.True(role.Allows(new RbacRequest("cpaasx.io", resource, verb, "shop")), $"view: {verb} {resource}"));
            Assert.All(WriteVerbs, verb => Assert.False(role.Allows(new RbacRequest("cpaasx.io", resource, verb, "shop")), $"view: {verb} {resource}"));
        }
    }

    [Fact]
    public async Task Tenant_roles_grant_nothing_outside_the_cpaasx_group_and_are_bound_to_no_one()
    {
        var objects = await Rendered.Value;

        foreach (var builtInRole in new[] { "admin", "edit", "view" })
        {
            Assert.All(RbacPolicy.AggregatedInto(objects, builtInRole).Grants, grant => Assert.Equal("cpaasx.io", grant.ApiGroup));
        }

        // Aggregation is their only use: a binding to them would hand out access the built-in roles do not.
        Assert.DoesNotContain(objects, o => o.Kind is "RoleBinding" or "ClusterRoleBinding" && o.Scalar("roleRef", "name") is "cpaasx-editor" or "cpaasx-viewer");
    }
}
