using System.Net;

using CpaasX.Operator.Api.Serialization;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Runtime.Client;
using CpaasX.Operator.Tests.Support;

using k8s;

namespace CpaasX.Operator.Tests.Runtime;

/// <summary>An object the typed model cannot decode costs only itself: list pages and watches go on past it.</summary>
public sealed class UndecodableItemTests
{
    [Fact]
    public async Task A_list_page_keeps_every_item_that_decodes_and_describes_the_one_that_does_not()
    {
        var body = """{"kind":"ResourceList","metadata":{"resourceVersion":"20"},"items":[""" + Good("a", "8") + "," + Satellite("b", "9") + "," + Good("c", "10") + "]}";
        var client = Client(body);

        var list = await client.ListAsync("shop", null, CancellationToken.None);

        Assert.Equal("20", list.ResourceVersion);
        Assert.Equal(["a", "c"], list.Items.Select(resource => resource.Metadata.Name));
        var bad = Assert.Single(list.Undecodable);
        Assert.Equal(("Resource", "shop", "b", "9"), (bad.Kind, bad.Metadata.NamespaceProperty, bad.Metadata.Name, bad.Metadata.ResourceVersion));
        Assert.Equal("$.spec.type", bad.Path);
        Assert.Equal("\"SATELLITE\"", bad.Value);
        Assert.Equal("Ready", bad.Status?["conditions"]?[0]?["type"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"type":"MODIFIED","object":{0}}""")]
    [InlineData("""{"object":{0},"type":"MODIFIED"}""")]
    public async Task A_watch_moves_past_an_object_that_does_not_decode_with_its_resource_version(string lineFormat)
    {
        var stream = string.Join('\n', lineFormat.Replace("{0}", Satellite("b", "12"), StringComparison.Ordinal), """{"type":"ADDED","object":""" + Good("c", "13") + "}");
        var client = Client(stream);

        var events = await client.WatchAsync("shop", null, "10", CancellationToken.None).ToListAsync();

        Assert.Equal([WatchEventType.Modified, WatchEventType.Added], events.Select(change => change.Type));
        Assert.Null(events[0].Object);
        Assert.Equal(("b", "12", "$.spec.type"), (events[0].Undecodable!.Metadata.Name, events[0].Undecodable!.Metadata.ResourceVersion, events[0].Undecodable!.Path));
        Assert.Equal("c", events[1].Object!.Metadata.Name);
    }

    [Theory]
    [InlineData("""{"number":{"number":12015550101}}""", "$.spec.number.number", "12015550101")]
    [InlineData("""{"priorities":[{"senderType":"ALPHANUMERIC","priority":99999999999}]}""", "$.spec.priorities[0].priority", "99999999999")]
    public void The_path_and_the_value_that_failed_are_found(string spec, string path, string value)
    {
        var raw = System.Text.Json.Nodes.JsonNode.Parse("""{"metadata":{"name":"x"},"spec":""" + spec + "}")!;

        Assert.Equal(value, JsonPathValue.Find(raw, path)?.ToJsonString());
    }

    private static ApiListWatchClient<Resource> Client(string body) =>
        new(new ApiHttp(new Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:9" }, new CannedApiHandler(_ => (HttpStatusCode.OK, body)))),
            CustomResourceKinds.Resource.ApiResource,
            CpaasxJson.Options);

    private static string Good(string name, string resourceVersion) =>
        $$$$"""{"apiVersion":"cpaasx.io/v1alpha1","kind":"Resource","metadata":{"name":"{{{{name}}}}","namespace":"shop","resourceVersion":"{{{{resourceVersion}}}}"},"spec":{"type":"DOMAIN","domain":{"domainName":"mail.shop.example"}}}""";

    private static string Satellite(string name, string resourceVersion) =>
        $$$"""{"apiVersion":"cpaasx.io/v1alpha1","kind":"Resource","metadata":{"name":"{{{name}}}","namespace":"shop","resourceVersion":"{{{resourceVersion}}}"},"spec":{"type":"SATELLITE"},"status":{"conditions":[{"type":"Ready","status":"True","reason":"Resolved","message":"ok","lastTransitionTime":"2026-01-01T00:00:00Z"}]}}""";
}
