using System.Net;
using System.Text;
using System.Text.Json.Nodes;

using CpaasX.ApiServer.Tests.Support;

using k8s;
using k8s.Models;

namespace CpaasX.ApiServer.Tests.Storage;

/// <summary>The object rules of test-api-server.md, driven through KubernetesClient.</summary>
public sealed class ObjectRulesTests
{
    [Fact]
    public async Task Create_stamps_server_fields_drops_status_and_applies_defaults()
    {
        await using var scope = await ServerScope.StartAsync();
        var widget = ServerScope.Widget("w1", 3);
        widget["status"] = new JsonObject { ["phase"] = "ignored" };

        var created = await scope.Create(widget);

        Assert.Equal(1, ServerScope.Generation(created));
        Assert.False(string.IsNullOrEmpty(created["metadata"]!["uid"]?.ToString()));
        Assert.NotNull(created["metadata"]!["creationTimestamp"]);
        Assert.Null(created["status"]);
        Assert.Equal("round", created["spec"]!["shape"]!.ToString());
        Assert.True(long.Parse(ServerScope.ResourceVersion(created)) > 0);
    }

    [Fact]
    public async Task Duplicate_create_is_409_AlreadyExists_naming_the_plural()
    {
        await using var scope = await ServerScope.StartAsync();
        await scope.Create(ServerScope.Widget("w1", 3));

        var (code, status) = await ServerScope.Failure(() => scope.Create(ServerScope.Widget("w1", 3)));

        Assert.Equal(409, code);
        Assert.Equal("AlreadyExists", status["reason"]!.ToString());
        Assert.Equal("widgets", status["details"]!["kind"]!.ToString());
        Assert.Equal("widgets.example.com \"w1\" already exists", status["message"]!.ToString());
    }

    [Fact]
    public async Task Get_of_a_missing_object_is_404_NotFound_and_create_into_a_missing_namespace_too()
    {
        await using var scope = await ServerScope.StartAsync();

        var (getCode, getStatus) = await ServerScope.Failure(() => scope.Get("nope"));
        var (createCode, createStatus) = await ServerScope.Failure(() => scope.Create(ServerScope.Widget("w1", 3), "missing"));

        Assert.Equal(404, getCode);
        Assert.Equal("NotFound", getStatus["reason"]!.ToString());
        Assert.Equal("widgets.example.com \"nope\" not found", getStatus["message"]!.ToString());
        Assert.Equal("widgets", getStatus["details"]!["kind"]!.ToString());
        Assert.Equal(404, createCode);
        Assert.Equal("namespaces \"missing\" not found", createStatus["message"]!.ToString());
    }

    [Fact]
    public async Task GenerateName_gets_a_random_suffix()
    {
        await using var scope = await ServerScope.StartAsync();
        var widget = ServerScope.Widget("", 3);
        widget["metadata"] = new JsonObject { ["generateName"] = "gen-" };

        var created = await scope.Create(widget);

        Assert.Matches("^gen-[a-z0-9]{5}$", created["metadata"]!["name"]!.ToString());
    }

    [Fact]
    public async Task Update_with_a_stale_resourceVersion_is_409_Conflict()
    {
        await using var scope = await ServerScope.StartAsync();
        var created = await scope.Create(ServerScope.Widget("w1", 3));
        await scope.Patch("w1", """{"spec":{"size":4}}""");
        created["spec"]!["size"] = 5;

        var (code, status) = await ServerScope.Failure(() => scope.Replace(created));

        Assert.Equal(409, code);
        Assert.Equal("Conflict", status["reason"]!.ToString());
        Assert.Equal("widgets", status["details"]!["kind"]!.ToString());
        Assert.Contains("the object has been modified; please apply your changes to the latest version and try again", status["message"]!.ToString());
    }

    [Fact]
    public async Task Update_of_a_custom_resource_without_resourceVersion_is_422()
    {
        await using var scope = await ServerScope.StartAsync();
        await scope.Create(ServerScope.Widget("w1", 3));

        var (code, status) = await ServerScope.Failure(() => scope.Replace(ServerScope.Widget("w1", 4)));

        Assert.Equal(422, code);
        Assert.Equal("metadata.resourceVersion", status["details"]!["causes"]![0]!["field"]!.ToString());
    }

    [Fact]
    public async Task Main_update_ignores_status_and_bumps_generation_only_when_spec_changes()
    {
        await using var scope = await ServerScope.StartAsync();
        var created = await scope.Create(ServerScope.Widget("w1", 3));

        var labelled = created.DeepClone().AsObject();
        labelled["metadata"]!["labels"] = new JsonObject { ["team"] = "a" };
        labelled["status"] = new JsonObject { ["phase"] = "sneaked" };
        var afterLabel = await scope.Replace(labelled);

        var resized = afterLabel.DeepClone().AsObject();
        resized["spec"]!["size"] = 9;
        var afterResize = await scope.Replace(resized);

        Assert.Equal(1, ServerScope.Generation(afterLabel));
        Assert.Null(afterLabel["status"]);
        Assert.Equal("a", afterLabel["metadata"]!["labels"]!["team"]!.ToString());
        Assert.Equal(2, ServerScope.Generation(afterResize));
    }

    [Fact]
    public async Task A_no_op_write_keeps_the_resourceVersion()
    {
        await using var scope = await ServerScope.StartAsync();
        var created = await scope.Create(ServerScope.Widget("w1", 3));

        var replaced = await scope.Replace(created);
        var patched = await scope.Patch("w1", """{"spec":{"size":3}}""");

        Assert.Equal(ServerScope.ResourceVersion(created), ServerScope.ResourceVersion(replaced));
        Assert.Equal(ServerScope.ResourceVersion(created), ServerScope.ResourceVersion(patched));
    }

    [Fact]
    public async Task Status_subresource_takes_only_status_and_never_bumps_generation()
    {
        await using var scope = await ServerScope.StartAsync();
        var created = await scope.Create(ServerScope.Widget("w1", 3));
        var body = created.DeepClone().AsObject();
        body["spec"]!["size"] = 50;
        body["metadata"]!["labels"] = new JsonObject { ["sneaky"] = "yes" };
        body["status"] = new JsonObject { ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True" }) };

        var afterPut = await scope.ReplaceStatus(body);
        var afterPatch = await scope.PatchStatus("w1", """{"spec":{"size":60},"status":{"conditions":[{"type":"Ready","status":"False"}]}}""");

        Assert.Equal(3, afterPut["spec"]!["size"]!.GetValue<int>());
        Assert.Null(afterPut["metadata"]!["labels"]);
        Assert.Equal("True", afterPut["status"]!["conditions"]![0]!["status"]!.ToString());
        Assert.Equal(3, afterPatch["spec"]!["size"]!.GetValue<int>());
        Assert.Equal("False", afterPatch["status"]!["conditions"]![0]!["status"]!.ToString());
        Assert.Equal(1, ServerScope.Generation(afterPatch));
    }

    [Fact]
    public async Task A_status_update_with_a_stale_resourceVersion_is_409_Conflict()
    {
        await using var scope = await ServerScope.StartAsync();
        var created = await scope.Create(ServerScope.Widget("w1", 3));
        await scope.Patch("w1", """{"spec":{"size":4}}""");
        created["status"] = new JsonObject { ["conditions"] = new JsonArray() };

        var (code, status) = await ServerScope.Failure(() => scope.ReplaceStatus(created));

        Assert.Equal(409, code);
        Assert.Equal("Conflict", status["reason"]!.ToString());
    }

    [Fact]
    public async Task A_resourceVersion_in_a_patch_is_a_precondition()
    {
        await using var scope = await ServerScope.StartAsync();
        var created = await scope.Create(ServerScope.Widget("w1", 3));
        await scope.Patch("w1", """{"spec":{"size":4}}""");

        var (code, _) = await ServerScope.Failure(() => scope.Patch("w1", $$$"""{"metadata":{"resourceVersion":"{{{ServerScope.ResourceVersion(created)}}}"},"spec":{"size":5}}"""));

        Assert.Equal(409, code);
    }

    [Fact]
    public async Task Json_patch_applies_operations_and_a_failed_test_is_422()
    {
        await using var scope = await ServerScope.StartAsync();
        await scope.Create(ServerScope.Widget("w1", 3));

        var patched = ServerScope.Node(await scope.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("""[{"op":"test","path":"/spec/size","value":3},{"op":"replace","path":"/spec/size","value":7}]""", V1Patch.PatchType.JsonPatch),
            TestData.Group, TestData.Version, "default", TestData.Plural, "w1"));
        var (code, _) = await ServerScope.Failure(() => scope.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("""[{"op":"test","path":"/spec/size","value":3}]""", V1Patch.PatchType.JsonPatch),
            TestData.Group, TestData.Version, "default", TestData.Plural, "w1"));

        Assert.Equal(7, patched["spec"]!["size"]!.GetValue<int>());
        Assert.Equal(422, code);
    }

    [Fact]
    public async Task Strategic_merge_patch_is_415_for_custom_resources_and_merges_configmaps()
    {
        await using var scope = await ServerScope.StartAsync();
        await scope.Create(ServerScope.Widget("w1", 3));
        await scope.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cfg" }, Data = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" } }, "default");

        var (code, _) = await ServerScope.Failure(() => scope.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("""{"spec":{"size":4}}""", V1Patch.PatchType.StrategicMergePatch), TestData.Group, TestData.Version, "default", TestData.Plural, "w1"));
        var configMap = await scope.Client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("""{"$patch":"merge","data":{"a":"9","b":null}}""", V1Patch.PatchType.StrategicMergePatch), "cfg", "default");

        Assert.Equal(415, code);
        Assert.Equal(new Dictionary<string, string> { ["a"] = "9" }, configMap.Data);
    }

    [Fact]
    public async Task Delete_without_finalizers_removes_and_answers_a_Success_Status()
    {
        await using var scope = await ServerScope.StartAsync();
        await scope.Create(ServerScope.Widget("w1", 3));

        var status = await scope.Delete("w1");
        var (code, _) = await ServerScope.Failure(() => scope.Get("w1"));

        Assert.Equal("Success", status["status"]!.ToString());
        Assert.Equal(404, code);
    }

    [Fact]
    public async Task Finalizers_hold_a_deleted_object_until_the_last_one_is_removed()
    {
        await using var scope = await ServerScope.StartAsync();
        var widget = ServerScope.Widget("w1", 3);
        widget["metadata"]!["finalizers"] = new JsonArray("example.com/a", "example.com/b");
        await scope.Create(widget);

        var deleting = await scope.Delete("w1");
        var again = await scope.Delete("w1");
        var (addCode, addStatus) = await ServerScope.Failure(() => scope.Patch("w1", """{"metadata":{"finalizers":["example.com/a","example.com/b","example.com/c"]}}"""));
        var oneLeft = await scope.Patch("w1", """{"metadata":{"finalizers":["example.com/b"]}}""");
        await scope.Patch("w1", """{"metadata":{"finalizers":null}}""");
        var (goneCode, _) = await ServerScope.Failure(() => scope.Get("w1"));

        Assert.NotNull(deleting["metadata"]!["deletionTimestamp"]);
        Assert.Equal(0, deleting["metadata"]!["deletionGracePeriodSeconds"]!.GetValue<int>());
        Assert.Equal(ServerScope.ResourceVersion(deleting), ServerScope.ResourceVersion(again));
        Assert.Equal(422, addCode);
        Assert.Equal("metadata.finalizers", addStatus["details"]!["causes"]![0]!["field"]!.ToString());
        Assert.NotNull(oneLeft["metadata"]!["deletionTimestamp"]);
        Assert.Equal(404, goneCode);
    }

    [Fact]
    public async Task Lists_paginate_with_limit_and_continue()
    {
        await using var scope = await ServerScope.StartAsync();
        foreach (var name in new[] { "a", "b", "c", "d", "e" })
        {
            await scope.Create(ServerScope.Widget(name, 1));
        }

        var names = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await scope.List(limit: 2, continueToken: token);
            names.AddRange(page["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.ToString()));
            token = page["metadata"]!["continue"]?.ToString();
            pages++;
        }
        while (token is not null);

        Assert.Equal(["a", "b", "c", "d", "e"], names);
        Assert.Equal(3, pages);
    }

    [Theory]
    [InlineData("tier=front", "w1")]
    [InlineData("tier==front", "w1")]
    [InlineData("tier!=front", "w2,w3")]
    [InlineData("tier", "w1,w2")]
    [InlineData("!tier", "w3")]
    [InlineData("tier in (back,side)", "w2")]
    [InlineData("tier notin (back)", "w1,w3")]
    public async Task Label_selectors_select(string selector, string expected)
    {
        await using var scope = await ServerScope.StartAsync();
        await scope.Create(ServerScope.Widget("w1", 1, new JsonObject { ["tier"] = "front" }));
        await scope.Create(ServerScope.Widget("w2", 1, new JsonObject { ["tier"] = "back" }));
        await scope.Create(ServerScope.Widget("w3", 1));

        var list = await scope.List(labelSelector: selector);

        Assert.Equal(expected, string.Join(',', list["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.ToString())));
    }

    [Fact]
    public async Task Field_selectors_select_by_name_and_namespace()
    {
        await using var scope = await ServerScope.StartAsync();
        await scope.Create(ServerScope.Widget("w1", 1));
        await scope.Create(ServerScope.Widget("w2", 1));
        await scope.Create(ServerScope.Widget("w3", 1), "kube-public");

        var byName = await scope.List(fieldSelector: "metadata.name=w2");
        var allNamespaces = ServerScope.Node(await scope.Client.CustomObjects.ListClusterCustomObjectAsync(
            TestData.Group, TestData.Version, TestData.Plural, fieldSelector: "metadata.namespace!=default"));

        Assert.Equal("w2", Assert.Single(byName["items"]!.AsArray())!["metadata"]!["name"]!.ToString());
        Assert.Equal("w3", Assert.Single(allNamespaces["items"]!.AsArray())!["metadata"]!["name"]!.ToString());
    }

    [Theory]
    [InlineData("spec.size=3", "w3")]
    [InlineData("spec.size==1,spec.color=red", "w1")]
    [InlineData("spec.size!=3", "w1,w2")]
    [InlineData("spec.color=", "w2,w3")]
    [InlineData("spec.color!=red,metadata.name!=w3", "w2")]
    public async Task Field_selectors_select_by_the_CRD_selectable_fields(string selector, string expected)
    {
        await using var scope = await ServerScope.StartAsync();
        var red = ServerScope.Widget("w1", 1);
        red["spec"]!["color"] = "red";
        await scope.Create(red);
        await scope.Create(ServerScope.Widget("w2", 1));
        await scope.Create(ServerScope.Widget("w3", 3));

        var list = await scope.List(fieldSelector: selector);

        Assert.Equal(expected, string.Join(',', list["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.ToString())));
    }

    [Fact]
    public async Task A_field_that_is_not_selectable_is_the_real_servers_BadRequest()
    {
        await using var scope = await ServerScope.StartAsync();

        var (code, status) = await ServerScope.Failure(() => scope.List(fieldSelector: "spec.size=1,status.phase=Done"));

        Assert.Equal(400, code);
        Assert.Equal("BadRequest", status["reason"]!.ToString());
        Assert.Equal("field label not supported: status.phase", status["message"]!.ToString());
    }

    [Fact]
    public async Task Deleting_a_namespace_deletes_its_objects_respecting_finalizers()
    {
        await using var scope = await ServerScope.StartAsync();
        await scope.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "team" } });
        await scope.Create(ServerScope.Widget("plain", 1), "team");
        var held = ServerScope.Widget("held", 1);
        held["metadata"]!["finalizers"] = new JsonArray("example.com/hold");
        await scope.Create(held, "team");

        await scope.Client.CoreV1.DeleteNamespaceAsync("team");
        var terminating = await scope.Client.CoreV1.ReadNamespaceAsync("team");
        var (plainCode, _) = await ServerScope.Failure(() => scope.Get("plain", "team"));
        var heldWhileDeleting = await scope.Get("held", "team");
        await scope.Patch("held", """{"metadata":{"finalizers":null}}""", "team");
        var (namespaceCode, _) = await ServerScope.Failure(() => scope.Client.CoreV1.ReadNamespaceAsync("team"));

        Assert.Equal("Terminating", terminating.Status.Phase);
        Assert.Equal(404, plainCode);
        Assert.NotNull(heldWhileDeleting["metadata"]!["deletionTimestamp"]);
        Assert.Equal(404, namespaceCode);
    }

    [Fact]
    public async Task A_create_in_a_terminating_namespace_is_forbidden_with_the_NamespaceTerminating_cause()
    {
        await using var scope = await ServerScope.StartAsync();
        await scope.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "team" } });
        var held = ServerScope.Widget("held", 1);
        held["metadata"]!["finalizers"] = new JsonArray("example.com/hold");
        await scope.Create(held, "team");
        await scope.Client.CoreV1.DeleteNamespaceAsync("team");

        var (code, status) = await ServerScope.Failure(() => scope.Create(ServerScope.Widget("late", 1), "team"));

        Assert.Equal(403, code);
        Assert.Equal("Forbidden", status["reason"]!.ToString());
        Assert.Equal("NamespaceTerminating", status["details"]!["causes"]![0]!["reason"]!.ToString());
        Assert.Contains("unable to create new content in namespace team because it is being terminated", status["message"]!.ToString());
    }

    [Fact]
    public async Task Built_in_kinds_are_served()
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);

        await scope.Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "s" }, StringData = new Dictionary<string, string> { ["k"] = "v" } }, "default");
        await scope.Client.CoreV1.CreateNamespacedEventAsync(new Corev1Event { Metadata = new V1ObjectMeta { Name = "e1" }, InvolvedObject = new V1ObjectReference { Name = "x" }, Reason = "Test" }, "default");
        await scope.Client.EventsV1.CreateNamespacedEventAsync(new Eventsv1Event { Metadata = new V1ObjectMeta { Name = "e2" }, EventTime = DateTime.UtcNow, Reason = "Test" }, "default");
        var lease = await scope.Client.CoordinationV1.CreateNamespacedLeaseAsync(new V1Lease { Metadata = new V1ObjectMeta { Name = "leader" }, Spec = new V1LeaseSpec { HolderIdentity = "me" } }, "default");

        Assert.Equal("me", (await scope.Client.CoordinationV1.ReadNamespacedLeaseAsync("leader", "default")).Spec.HolderIdentity);
        Assert.Null(lease.Metadata.Generation);
        Assert.Single((await scope.Client.CoreV1.ListNamespacedSecretAsync("default")).Items);
        Assert.Single((await scope.Client.CoreV1.ListNamespacedEventAsync("default")).Items);
        Assert.Single((await scope.Client.EventsV1.ListNamespacedEventAsync("default")).Items);
    }

    [Fact]
    public async Task A_created_CRD_is_established_and_deleting_it_deletes_its_objects_and_withdraws_the_group()
    {
        await using var scope = await ServerScope.StartAsync();
        await scope.Create(ServerScope.Widget("w1", 1));
        var crd = await scope.Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync("widgets.example.com");

        await scope.Client.ApiextensionsV1.DeleteCustomResourceDefinitionAsync("widgets.example.com");
        var groups = await scope.Http.GetStringAsync("/apis");
        var afterDelete = await scope.Http.GetAsync("/apis/example.com/v1/namespaces/default/widgets");

        Assert.Contains(crd.Status.Conditions, c => c.Type == "Established" && c.Status == "True");
        Assert.Contains(crd.Status.Conditions, c => c.Type == "NamesAccepted" && c.Status == "True");
        Assert.Equal("widgets", crd.Status.AcceptedNames.Plural);
        Assert.DoesNotContain("example.com", groups);
        Assert.Equal(HttpStatusCode.NotFound, afterDelete.StatusCode);
    }

    [Fact]
    public async Task The_last_applied_annotation_is_stored_as_given()
    {
        await using var scope = await ServerScope.StartAsync();
        var widget = ServerScope.Widget("w1", 3);
        const string lastApplied = "{\"spec\":{\"size\":3}}\n";
        widget["metadata"]!["annotations"] = new JsonObject { ["kubectl.kubernetes.io/last-applied-configuration"] = lastApplied };

        var created = await scope.Create(widget);

        Assert.Equal(lastApplied, created["metadata"]!["annotations"]!["kubectl.kubernetes.io/last-applied-configuration"]!.ToString());
    }

    [Fact]
    public async Task Content_type_parameters_are_ignored()
    {
        await using var scope = await ServerScope.StartAsync();
        await scope.Create(ServerScope.Widget("w1", 3));
        using var request = new HttpRequestMessage(HttpMethod.Patch, "/apis/example.com/v1/namespaces/default/widgets/w1")
        {
            Content = new StringContent("""{"spec":{"size":8}}""", Encoding.UTF8, "application/merge-patch+json"),
        };

        using var response = await scope.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/merge-patch+json; charset=utf-8", request.Content.Headers.ContentType!.ToString());
        Assert.Equal(8, (await scope.Get("w1"))["spec"]!["size"]!.GetValue<int>());
    }
}
