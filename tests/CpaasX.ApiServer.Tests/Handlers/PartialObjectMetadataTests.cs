using System.Text.Json.Nodes;

using CpaasX.ApiServer.Tests.Support;

using k8s;
using k8s.Models;

namespace CpaasX.ApiServer.Tests.Handlers;

/// <summary>
/// Metadata-only reads, as kube-apiserver serves them to a client that asks
/// <c>Accept: application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1</c> (or <c>as=PartialObjectMetadata</c>).
/// </summary>
public sealed class PartialObjectMetadataTests
{
    private const string ListAccept = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1";
    private const string ObjectAccept = "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1";

    [Fact]
    public async Task A_list_is_a_PartialObjectMetadataList_of_metadata_without_content()
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);
        await scope.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("routing"), "default");

        var list = await GetAsync(scope, "/api/v1/namespaces/default/configmaps?limit=10", ListAccept);

        Assert.Equal(("PartialObjectMetadataList", "meta.k8s.io/v1"), (list["kind"]!.ToString(), list["apiVersion"]!.ToString()));
        Assert.NotNull(list["metadata"]!["resourceVersion"]);
        var item = Assert.Single(list["items"]!.AsArray())!.AsObject();
        Assert.Equal(["kind", "apiVersion", "metadata"], item.Select(property => property.Key));
        Assert.Equal(("PartialObjectMetadata", "meta.k8s.io/v1", "routing"), (item["kind"]!.ToString(), item["apiVersion"]!.ToString(), item["metadata"]!["name"]!.ToString()));
        Assert.Equal("sha256:1", item["metadata"]!["annotations"]!["cpaasx.io/routing-hash"]!.ToString());
    }

    [Fact]
    public async Task A_get_is_one_PartialObjectMetadata()
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);
        await scope.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("routing"), "default");

        var item = await GetAsync(scope, "/api/v1/namespaces/default/configmaps/routing", ObjectAccept);

        Assert.Equal(["kind", "apiVersion", "metadata"], item.Select(property => property.Key));
        Assert.Equal("PartialObjectMetadata", item["kind"]!.ToString());
    }

    [Fact]
    public async Task A_watch_carries_PartialObjectMetadata_objects_and_bookmarks()
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);
        var from = (await scope.Client.CoreV1.ListNamespacedConfigMapAsync("default")).Metadata.ResourceVersion;
        await using var watch = await RawWatch.Open(scope.Http, $"/api/v1/namespaces/default/configmaps?watch=true&allowWatchBookmarks=true&resourceVersion={from}", ObjectAccept);
        await scope.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("routing"), "default");

        var added = (await watch.Next())!;
        var bookmark = (await watch.Next())!;

        Assert.Equal("ADDED", added["type"]!.ToString());
        var obj = added["object"]!.AsObject();
        Assert.Equal(["kind", "apiVersion", "metadata"], obj.Select(property => property.Key));
        Assert.Equal(("PartialObjectMetadata", "meta.k8s.io/v1", "routing"), (obj["kind"]!.ToString(), obj["apiVersion"]!.ToString(), obj["metadata"]!["name"]!.ToString()));
        Assert.Equal(("BOOKMARK", "PartialObjectMetadata"), (bookmark["type"]!.ToString(), bookmark["object"]!["kind"]!.ToString()));
    }

    private static async Task<JsonObject> GetAsync(ServerScope scope, string url, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(accept);
        using var response = await scope.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static V1ConfigMap ConfigMap(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Annotations = new Dictionary<string, string> { ["cpaasx.io/routing-hash"] = "sha256:1" } },
        Data = new Dictionary<string, string> { ["routing.json"] = "{}" },
    };
}
