using System.Net;
using System.Text.Json.Nodes;

using CpaasX.ApiServer.Tests.Support;

using k8s;

namespace CpaasX.ApiServer.Tests.Handlers;

/// <summary>Version, discovery and OpenAPI v3, which kubectl reads before anything else.</summary>
public sealed class DiscoveryTests
{
    [Fact]
    public async Task Version_answers_minor_32()
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);

        var version = await scope.Client.Version.GetCodeAsync();

        Assert.Equal("1", version.Major);
        Assert.Equal("32", version.Minor);
    }

    [Fact]
    public async Task A_CRD_group_appears_in_discovery_with_names_and_status_subresource()
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);
        var before = await scope.Http.GetStringAsync("/apis");

        await scope.Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(TestData.WidgetCrd());
        var groups = JsonNode.Parse(await scope.Http.GetStringAsync("/apis"))!;
        var resources = JsonNode.Parse(await scope.Http.GetStringAsync("/apis/example.com/v1"))!["resources"]!.AsArray();

        Assert.DoesNotContain("example.com", before);
        Assert.Contains(groups["groups"]!.AsArray(), g => g!["name"]!.ToString() == "example.com");
        var widgets = resources.Single(r => r!["name"]!.ToString() == "widgets")!;
        Assert.Equal("widget", widgets["singularName"]!.ToString());
        Assert.True(widgets["namespaced"]!.GetValue<bool>());
        Assert.Equal("Widget", widgets["kind"]!.ToString());
        Assert.Equal("wd", widgets["shortNames"]![0]!.ToString());
        Assert.Equal("cpaasx", widgets["categories"]![0]!.ToString());
        Assert.Contains(resources, r => r!["name"]!.ToString() == "widgets/status");
    }

    [Fact]
    public async Task Core_discovery_lists_the_built_in_kinds()
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);

        var core = JsonNode.Parse(await scope.Http.GetStringAsync("/api/v1"))!["resources"]!.AsArray().Select(r => r!["name"]!.ToString());
        var groups = JsonNode.Parse(await scope.Http.GetStringAsync("/apis"))!["groups"]!.AsArray().Select(g => g!["name"]!.ToString());
        var versions = JsonNode.Parse(await scope.Http.GetStringAsync("/api"))!;

        Assert.Equal("APIVersions", versions["kind"]!.ToString());
        Assert.Superset(new HashSet<string> { "namespaces", "configmaps", "secrets", "events" }, core.ToHashSet());
        Assert.Superset(new HashSet<string> { "apiextensions.k8s.io", "coordination.k8s.io", "events.k8s.io" }, groups.ToHashSet());
    }

    [Fact]
    public async Task OpenApi_v3_lists_each_group_version_with_a_hash_that_changes_with_its_content()
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);
        await scope.Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(TestData.WidgetCrd());
        var root = JsonNode.Parse(await scope.Http.GetStringAsync("/openapi/v3"))!["paths"]!;
        var url = root["apis/example.com/v1"]!["serverRelativeURL"]!.ToString();
        var document = JsonNode.Parse(await scope.Http.GetStringAsync(url))!;

        var crd = TestData.WidgetCrd();
        crd.Spec.Versions[0].Schema.OpenAPIV3Schema.Description = "changed";
        var stored = await scope.Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync("widgets.example.com");
        crd.Metadata.ResourceVersion = stored.Metadata.ResourceVersion;
        await scope.Client.ApiextensionsV1.ReplaceCustomResourceDefinitionAsync(crd, "widgets.example.com");
        var changedUrl = JsonNode.Parse(await scope.Http.GetStringAsync("/openapi/v3"))!["paths"]!["apis/example.com/v1"]!["serverRelativeURL"]!.ToString();

        Assert.NotNull(root["api/v1"]);
        Assert.Contains("?hash=", url);
        var patch = document["paths"]!["/apis/example.com/v1/namespaces/{namespace}/widgets/{name}"]!["patch"]!;
        Assert.Equal("Widget", patch["x-kubernetes-group-version-kind"]!["kind"]!.ToString());
        Assert.Equal("fieldValidation", patch["parameters"]![0]!["name"]!.ToString());
        Assert.NotNull(document["components"]!["schemas"]!["com.example.v1.Widget"]);
        Assert.NotEqual(url, changedUrl);
    }

    [Fact]
    public async Task OpenApi_v2_and_unknown_paths_are_404_Status()
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);

        using var v2 = await scope.Http.GetAsync("/openapi/v2");
        using var unknown = await scope.Http.GetAsync("/apis/nothing.io/v1/things");

        Assert.Equal(HttpStatusCode.NotFound, v2.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Status", JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!["kind"]!.ToString());
    }
}
