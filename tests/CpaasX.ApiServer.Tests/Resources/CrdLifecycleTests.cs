using System.Net;
using System.Text.Json.Nodes;

using CpaasX.ApiServer.Tests.Support;

using k8s;
using k8s.Models;

namespace CpaasX.ApiServer.Tests.Resources;

/// <summary>Custom resources as their CRD's scope declares them, and a CRD's deletion waiting for its objects' finalizers.</summary>
public sealed class CrdLifecycleTests
{
    [Fact]
    public async Task A_cluster_scoped_CRD_serves_its_objects_without_a_namespace()
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);
        await scope.Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(GadgetCrd());
        var gadget = new JsonObject
        {
            ["apiVersion"] = "example.com/v1",
            ["kind"] = "Gadget",
            ["metadata"] = new JsonObject { ["name"] = "g1" },
            ["spec"] = new JsonObject { ["size"] = 1 },
        };

        var created = ServerScope.Node(await scope.Client.CustomObjects.CreateClusterCustomObjectAsync(gadget, "example.com", "v1", "gadgets"));
        var listed = ServerScope.Node(await scope.Client.CustomObjects.ListClusterCustomObjectAsync("example.com", "v1", "gadgets"));
        using var namespacedRoute = await scope.Http.GetAsync("/apis/example.com/v1/namespaces/default/gadgets/g1");
        var resources = JsonNode.Parse(await scope.Http.GetStringAsync("/apis/example.com/v1"))!["resources"]!.AsArray();

        Assert.Null(created["metadata"]!["namespace"]);
        Assert.Equal("g1", Assert.Single(listed["items"]!.AsArray())!["metadata"]!["name"]!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, namespacedRoute.StatusCode);
        Assert.False(resources.Single(r => r!["name"]!.ToString() == "gadgets")!["namespaced"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Deleting_a_CRD_waits_for_the_finalizers_of_its_objects()
    {
        await using var scope = await ServerScope.StartAsync();
        var held = ServerScope.Widget("held", 1);
        held["metadata"]!["finalizers"] = new JsonArray("example.com/hold");
        await scope.Create(held);
        await scope.Create(ServerScope.Widget("plain", 1));

        await scope.Client.ApiextensionsV1.DeleteCustomResourceDefinitionAsync("widgets.example.com");
        var crdWhileHeld = await scope.Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync("widgets.example.com");
        var heldWhileDeleting = await scope.Get("held");
        var (plainCode, _) = await ServerScope.Failure(() => scope.Get("plain"));
        await scope.Patch("held", """{"metadata":{"finalizers":null}}""");
        using var afterRelease = await scope.Http.GetAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com");

        Assert.NotNull(crdWhileHeld.Metadata.DeletionTimestamp);
        Assert.NotNull(heldWhileDeleting["metadata"]!["deletionTimestamp"]);
        Assert.Equal(404, plainCode);
        Assert.Equal(HttpStatusCode.NotFound, afterRelease.StatusCode);
    }

    private static V1CustomResourceDefinition GadgetCrd()
    {
        var crd = TestData.WidgetCrd();
        crd.Metadata.Name = "gadgets.example.com";
        crd.Spec.Scope = "Cluster";
        crd.Spec.Names = new V1CustomResourceDefinitionNames { Kind = "Gadget", ListKind = "GadgetList", Plural = "gadgets", Singular = "gadget" };
        return crd;
    }
}
