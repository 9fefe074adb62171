using System.Net;

using CpaasX.Operator.Api.Serialization;
using CpaasX.Operator.Runtime.Client;
using CpaasX.Operator.Tests.Support;

using k8s;
using k8s.Models;

namespace CpaasX.Operator.Tests.Runtime;

public sealed class ApiListWatchClientTests
{
    private static readonly ApiResource Widgets = new("test.cpaasx.io", "v1", "widgets");

    [Fact]
    public async Task Lists_custom_objects_page_by_page_and_keeps_the_first_page_resource_version()
    {
        var handler = new CannedApiHandler(request => request.RequestUri!.Query.Contains("continue=page2", StringComparison.Ordinal)
            ? (HttpStatusCode.OK, """{"kind":"WidgetList","metadata":{"resourceVersion":"11"},"items":[""" + Widget("b", "9") + "]}")
            : (HttpStatusCode.OK, """{"kind":"WidgetList","metadata":{"resourceVersion":"10","continue":"page2"},"items":[""" + Widget("a", "8") + "]}"));
        var client = new ApiListWatchClient<TestWidget>(new ApiHttp(Api(handler)), Widgets, CpaasxJson.Options, settings: new ListWatchSettings { PageSize = 1 });

        var list = await client.ListAsync("ns", "app=x", CancellationToken.None);

        Assert.Equal("10", list.ResourceVersion);
        Assert.Equal(["a", "b"], list.Items.Select(widget => widget.Metadata.Name));
        Assert.Equal("blue", list.Items[0].Spec!["color"]);
        Assert.All(handler.Requests, uri => Assert.Equal("/apis/test.cpaasx.io/v1/namespaces/ns/widgets", uri.AbsolutePath));
        Assert.All(handler.Requests, uri => Assert.Contains("labelSelector=app%3Dx", uri.Query, StringComparison.Ordinal));
        Assert.All(handler.Requests, uri => Assert.Contains("limit=1", uri.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Watches_custom_objects_with_bookmarks_and_turns_an_expired_status_line_into_an_error_event()
    {
        var stream = string.Join('\n',
            """{"type":"ADDED","object":""" + Widget("a", "11") + "}",
            """{"type":"BOOKMARK","object":{"kind":"Widget","apiVersion":"test.cpaasx.io/v1","metadata":{"resourceVersion":"12"}}}""",
            """{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Expired","code":410,"message":"too old resource version: 10 (12)"}}""");
        var handler = new CannedApiHandler(_ => (HttpStatusCode.OK, stream));
        var client = new ApiListWatchClient<TestWidget>(new ApiHttp(Api(handler)), Widgets, CpaasxJson.Options);

        var events = await client.WatchAsync(null, null, "10", CancellationToken.None).ToListAsync();

        Assert.Equal([WatchEventType.Added, WatchEventType.Bookmark, WatchEventType.Error], events.Select(change => change.Type));
        Assert.Equal("a", events[0].Object!.Metadata.Name);
        Assert.Equal("blue", events[0].Object!.Spec!["color"]);
        Assert.Equal("12", events[1].ResourceVersion);
        Assert.True(events[2].IsExpired);
        var uri = Assert.Single(handler.Requests);
        Assert.Equal("/apis/test.cpaasx.io/v1/widgets", uri.AbsolutePath);
        Assert.Contains("watch=true", uri.Query, StringComparison.Ordinal);
        Assert.Contains("allowWatchBookmarks=true", uri.Query, StringComparison.Ordinal);
        Assert.Contains("resourceVersion=10", uri.Query, StringComparison.Ordinal);
        Assert.Contains("timeoutSeconds=300", uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_watch_refused_with_410_becomes_an_expired_error_event()
    {
        var handler = new CannedApiHandler(_ => (HttpStatusCode.Gone, """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Expired","code":410}"""));
        var client = new ApiListWatchClient<TestWidget>(new ApiHttp(Api(handler)), Widgets, CpaasxJson.Options);

        var events = await client.WatchAsync("ns", null, "10", CancellationToken.None).ToListAsync();

        Assert.True(Assert.Single(events).IsExpired);
    }

    [Fact]
    public async Task Watch_lines_are_read_whatever_the_order_of_their_fields_and_a_bad_line_becomes_an_error_event()
    {
        var stream = string.Join('\n',
            """{"object":""" + Widget("a", "11") + ""","type":"MODIFIED"}""",
            "not json",
            """{"type":"RENAMED","object":""" + Widget("b", "12") + "}",
            """{"type":"DELETED","object":""" + Widget("c", "13") + "}") + "\n";
        var handler = new CannedApiHandler(_ => (HttpStatusCode.OK, stream));
        var client = new ApiListWatchClient<TestWidget>(new ApiHttp(Api(handler)), Widgets, CpaasxJson.Options);

        var events = await client.WatchAsync("ns", null, "10", CancellationToken.None).ToListAsync();

        Assert.Equal([WatchEventType.Modified, WatchEventType.Error, WatchEventType.Error, WatchEventType.Deleted], events.Select(change => change.Type));
        Assert.Equal(("a", "11"), (events[0].Object!.Metadata.Name, events[0].Object!.Metadata.ResourceVersion));
        Assert.All(events.Skip(1).Take(2), change => Assert.Equal("InvalidWatchEvent", change.Status!.Reason));
        Assert.Contains("RENAMED", events[2].Status!.Message, StringComparison.Ordinal);
        Assert.Equal("c", events[3].Object!.Metadata.Name);
    }

    [Theory]
    [InlineData(false, "2.0")]
    [InlineData(true, "1.1")]
    public async Task Lists_and_watches_are_sent_as_the_client_sends_its_own(bool disableHttp2, string version)
    {
        var handler = new CannedApiHandler(request => request.RequestUri!.Query.Contains("watch=true", StringComparison.Ordinal)
            ? (HttpStatusCode.OK, string.Empty)
            : (HttpStatusCode.OK, """{"metadata":{"resourceVersion":"10"},"items":[]}"""));
        var configuration = new KubernetesClientConfiguration
        {
            Host = "http://127.0.0.1:9",
            AccessToken = "secret-token",
            TlsServerName = "api.cluster.example",
            DisableHttp2 = disableHttp2,
        };
        var client = new ApiListWatchClient<TestWidget>(new ApiHttp(new Kubernetes(configuration, handler), configuration), Widgets, CpaasxJson.Options);

        await client.ListAsync(null, null, CancellationToken.None);
        await client.WatchAsync(null, null, "10", CancellationToken.None).ToListAsync();

        Assert.Equal(2, handler.Headers.Count);
        Assert.All(handler.Headers, headers => Assert.Equal(("Bearer secret-token", "api.cluster.example", Version.Parse(version)), headers));
    }

    [Fact]
    public async Task A_failed_list_throws_the_client_error_with_the_status_and_body()
    {
        var handler = new CannedApiHandler(_ => (HttpStatusCode.Forbidden, """{"kind":"Status","reason":"Forbidden","code":403}"""));
        var client = new ApiListWatchClient<TestWidget>(new ApiHttp(Api(handler)), Widgets, CpaasxJson.Options);

        var error = await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(() => client.ListAsync("ns", null, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, error.Response.StatusCode);
        Assert.Contains("Forbidden", error.Response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_and_watches_config_maps_of_the_core_group()
    {
        var handler = new CannedApiHandler(request => request.RequestUri!.Query.Contains("watch=true", StringComparison.Ordinal)
            ? (HttpStatusCode.OK, """{"type":"MODIFIED","object":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"routing","namespace":"ns","resourceVersion":"21"},"data":{"k":"v"}}}""")
            : (HttpStatusCode.OK, """{"kind":"ConfigMapList","apiVersion":"v1","metadata":{"resourceVersion":"20"},"items":[{"metadata":{"name":"routing","namespace":"ns","resourceVersion":"19"}}]}"""));
        var client = new ApiListWatchClient<V1ConfigMap>(new ApiHttp(Api(handler)), new ApiResource(string.Empty, "v1", "configmaps"), CpaasxJson.Options);

        var list = await client.ListAsync("ns", null, CancellationToken.None);
        var events = await client.WatchAsync("ns", null, list.ResourceVersion, CancellationToken.None).ToListAsync();

        Assert.Equal("20", list.ResourceVersion);
        Assert.Equal("routing", Assert.Single(list.Items).Metadata.Name);
        var change = Assert.Single(events);
        Assert.Equal(WatchEventType.Modified, change.Type);
        Assert.Equal("v", change.Object!.Data["k"]);
        Assert.All(handler.Requests, uri => Assert.Equal("/api/v1/namespaces/ns/configmaps", uri.AbsolutePath));
    }

    private static Kubernetes Api(CannedApiHandler handler) =>
        new(new KubernetesClientConfiguration { Host = "http://127.0.0.1:9" }, handler);

    private static string Widget(string name, string resourceVersion) =>
        $$$"""{"apiVersion":"test.cpaasx.io/v1","kind":"Widget","metadata":{"name":"{{{name}}}","namespace":"ns","resourceVersion":"{{{resourceVersion}}}"},"spec":{"color":"blue"}}""";
}
