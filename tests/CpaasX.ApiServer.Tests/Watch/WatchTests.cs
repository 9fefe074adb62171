using System.Text.Json;
using System.Text.Json.Nodes;

using CpaasX.ApiServer.Tests.Support;

using k8s;

namespace CpaasX.ApiServer.Tests.Watch;

/// <summary>Watch semantics of test-api-server.md, through KubernetesClient and on the wire.</summary>
public sealed class WatchTests
{
    private const string WidgetsUrl = "/apis/example.com/v1/namespaces/default/widgets";

    [Fact]
    public async Task Watch_from_the_list_resourceVersion_sees_exactly_the_later_events()
    {
        await using var scope = await ServerScope.StartAsync();
        await scope.Create(ServerScope.Widget("w1", 1));
        await scope.Create(ServerScope.Widget("w2", 1));
        var listVersion = (await scope.List())["metadata"]!["resourceVersion"]!.ToString();
        await scope.Patch("w1", """{"spec":{"size":2}}""");
        await scope.Create(ServerScope.Widget("w3", 1));
        await scope.Delete("w2");

        var seen = await Collect(scope, listVersion, count: 3);

        Assert.Equal(["Modified w1", "Added w3", "Deleted w2"], seen);
    }

    [Fact]
    public async Task A_watch_across_all_namespaces_sees_every_namespace_and_a_namespaced_one_only_its_own()
    {
        await using var scope = await ServerScope.StartAsync();
        var listVersion = (await scope.List())["metadata"]!["resourceVersion"]!.ToString();
        await using var everywhere = await RawWatch.Open(scope.Http, $"/apis/example.com/v1/widgets?watch=true&resourceVersion={listVersion}");
        await using var publicOnly = await RawWatch.Open(scope.Http, $"/apis/example.com/v1/namespaces/kube-public/widgets?watch=true&resourceVersion={listVersion}");

        await scope.Create(ServerScope.Widget("w1", 1));
        await scope.Create(ServerScope.Widget("w2", 1), "kube-public");
        var first = await everywhere.Next();
        var second = await everywhere.Next();
        var onlyPublic = await publicOnly.Next();

        Assert.Equal("default/w1", $"{first!["object"]!["metadata"]!["namespace"]}/{first["object"]!["metadata"]!["name"]}");
        Assert.Equal("kube-public/w2", $"{second!["object"]!["metadata"]!["namespace"]}/{second["object"]!["metadata"]!["name"]}");
        Assert.Equal("w2", onlyPublic!["object"]!["metadata"]!["name"]!.ToString());
    }

    [Fact]
    public async Task Watch_from_zero_starts_with_an_ADDED_event_per_current_object_then_goes_live()
    {
        await using var scope = await ServerScope.StartAsync();
        await scope.Create(ServerScope.Widget("w1", 1));
        await using var watch = await RawWatch.Open(scope.Http, $"{WidgetsUrl}?watch=true&resourceVersion=0");

        var first = await watch.Next();
        await scope.PatchStatus("w1", """{"status":{"conditions":[{"type":"Ready","status":"True"}]}}""");
        var second = await watch.Next();

        Assert.Equal("application/json", watch.ContentType);
        Assert.Equal("ADDED", first!["type"]!.ToString());
        Assert.Equal("MODIFIED", second!["type"]!.ToString());
        Assert.Equal("True", second["object"]!["status"]!["conditions"]![0]!["status"]!.ToString());
    }

    [Fact]
    public async Task An_idle_watch_gets_its_headers_before_any_event()
    {
        await using var scope = await ServerScope.StartAsync();
        var created = await scope.Create(ServerScope.Widget("w1", 1));

        await using var watch = await RawWatch.Open(scope.Http, $"{WidgetsUrl}?watch=true&resourceVersion={ServerScope.ResourceVersion(created)}")
            .WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("application/json", watch.ContentType);
    }

    [Fact]
    public async Task An_idle_watch_with_bookmarks_gets_BOOKMARK_events_carrying_the_resourceVersion()
    {
        await using var scope = await ServerScope.StartAsync();
        var created = await scope.Create(ServerScope.Widget("w1", 1));
        await using var watch = await RawWatch.Open(scope.Http, $"{WidgetsUrl}?watch=true&allowWatchBookmarks=true&resourceVersion={ServerScope.ResourceVersion(created)}");

        var bookmark = await watch.Next();

        Assert.Equal("BOOKMARK", bookmark!["type"]!.ToString());
        Assert.Equal("Widget", bookmark["object"]!["kind"]!.ToString());
        Assert.Equal(ServerScope.ResourceVersion(created), bookmark["object"]!["metadata"]!["resourceVersion"]!.ToString());
    }

    [Fact]
    public async Task The_client_sees_bookmarks_too()
    {
        await using var scope = await ServerScope.StartAsync();
        var created = await scope.Create(ServerScope.Widget("w1", 1));
        var events = scope.Client.CustomObjects.WatchListNamespacedCustomObjectAsync(
            TestData.Group, TestData.Version, "default", TestData.Plural, resourceVersion: ServerScope.ResourceVersion(created),
            allowWatchBookmarks: true, timeoutSeconds: 5);

        var types = new List<WatchEventType>();
        await foreach (var (type, _) in events)
        {
            types.Add(type);
            break;
        }

        Assert.Equal([WatchEventType.Bookmark], types);
    }

    [Fact]
    public async Task A_watch_ends_cleanly_at_timeoutSeconds()
    {
        await using var scope = await ServerScope.StartAsync();
        await scope.Create(ServerScope.Widget("w1", 1));

        var events = 0;
        await foreach (var _ in scope.Client.CustomObjects.WatchListNamespacedCustomObjectAsync(
            TestData.Group, TestData.Version, "default", TestData.Plural, timeoutSeconds: 1))
        {
            events++;
        }

        Assert.Equal(1, events);
    }

    [Fact]
    public async Task Selectors_apply_to_watches_and_objects_entering_or_leaving_the_selection_are_ADDED_or_DELETED()
    {
        await using var scope = await ServerScope.StartAsync();
        var created = await scope.Create(ServerScope.Widget("w1", 1));
        await scope.Create(ServerScope.Widget("other", 1));
        await scope.Patch("w1", """{"metadata":{"labels":{"tier":"front"}}}""");
        await scope.Patch("other", """{"spec":{"size":5}}""");
        await scope.Patch("w1", """{"spec":{"size":3}}""");
        await scope.Patch("w1", """{"metadata":{"labels":null}}""");
        await using var watch = await RawWatch.Open(scope.Http, $"{WidgetsUrl}?watch=true&labelSelector=tier%3Dfront&resourceVersion={ServerScope.ResourceVersion(created)}");

        Assert.Equal(["ADDED w1", "MODIFIED w1", "DELETED w1"], await TypesAndNames(watch, 3));
    }

    [Fact]
    public async Task A_field_selector_watch_sees_an_object_enter_and_leave_the_selection_as_ADDED_and_DELETED()
    {
        await using var scope = await ServerScope.StartAsync();
        var created = await scope.Create(ServerScope.Widget("w1", 1));
        await scope.Create(ServerScope.Widget("other", 1));
        await scope.Patch("w1", """{"spec":{"size":3}}""");
        await scope.Patch("other", """{"spec":{"color":"red"}}""");
        await scope.Patch("w1", """{"spec":{"color":"blue"}}""");
        await scope.Patch("w1", """{"spec":{"size":4}}""");
        await using var watch = await RawWatch.Open(scope.Http, $"{WidgetsUrl}?watch=true&fieldSelector=spec.size%3D3&resourceVersion={ServerScope.ResourceVersion(created)}");

        Assert.Equal(["ADDED w1", "MODIFIED w1", "DELETED w1"], await TypesAndNames(watch, 3));
    }

    [Fact]
    public async Task A_delete_held_by_a_finalizer_is_MODIFIED_with_deletionTimestamp_then_DELETED_with_the_last_state()
    {
        await using var scope = await ServerScope.StartAsync();
        var widget = ServerScope.Widget("w1", 1);
        widget["metadata"]!["finalizers"] = new JsonArray("example.com/cleanup");
        var created = await scope.Create(widget);
        await scope.Delete("w1");
        await scope.Patch("w1", """{"metadata":{"finalizers":null}}""");
        await using var watch = await RawWatch.Open(scope.Http, $"{WidgetsUrl}?watch=true&resourceVersion={ServerScope.ResourceVersion(created)}");

        var deleting = await watch.Next();
        var deleted = await watch.Next();

        Assert.Equal("MODIFIED", deleting!["type"]!.ToString());
        Assert.NotNull(deleting["object"]!["metadata"]!["deletionTimestamp"]);
        Assert.Equal("DELETED", deleted!["type"]!.ToString());
        Assert.NotNull(deleted["object"]!["metadata"]!["deletionTimestamp"]);
        Assert.Equal(1, deleted["object"]!["spec"]!["size"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_watch_from_a_compacted_resourceVersion_answers_one_ERROR_410_Expired_line_and_closes()
    {
        await using var scope = await ServerScope.StartAsync();
        var created = await scope.Create(ServerScope.Widget("w1", 1));
        await scope.Patch("w1", """{"spec":{"size":2}}""");
        scope.Server.Faults.CompactEventWindow();
        await using var watch = await RawWatch.Open(scope.Http, $"{WidgetsUrl}?watch=true&resourceVersion={ServerScope.ResourceVersion(created)}");

        var error = await watch.Next();
        var end = await watch.Next();

        Assert.Equal("ERROR", error!["type"]!.ToString());
        Assert.Equal(410, error["object"]!["code"]!.GetValue<int>());
        Assert.Equal("Expired", error["object"]!["reason"]!.ToString());
        Assert.StartsWith($"too old resource version: {ServerScope.ResourceVersion(created)} (", error["object"]!["message"]!.ToString());
        Assert.Null(end);
    }

    [Fact]
    public async Task The_client_gets_410_Expired_through_its_error_callback_and_the_watch_ends()
    {
        await using var scope = await ServerScope.StartAsync();
        var created = await scope.Create(ServerScope.Widget("w1", 1));
        await scope.Patch("w1", """{"spec":{"size":2}}""");
        scope.Server.Faults.CompactEventWindow();
        var errors = new List<Exception>();

        var events = 0;
        await foreach (var _ in scope.Client.CustomObjects.WatchListNamespacedCustomObjectAsync(
            TestData.Group, TestData.Version, "default", TestData.Plural, resourceVersion: ServerScope.ResourceVersion(created),
            allowWatchBookmarks: true, timeoutSeconds: 5, onError: errors.Add))
        {
            events++;
        }

        Assert.Equal(0, events);
        var expired = Assert.IsType<KubernetesException>(Assert.Single(errors));
        Assert.Equal(410, expired.Status.Code);
        Assert.Equal("Expired", expired.Status.Reason);
    }

    [Fact]
    public async Task A_client_watch_closed_by_the_server_ends_without_an_error()
    {
        await using var scope = await ServerScope.StartAsync();
        await scope.Create(ServerScope.Widget("w1", 1));
        var errors = new List<Exception>();

        var seen = new List<WatchEventType>();
        await foreach (var (type, _) in scope.Client.CustomObjects.WatchListNamespacedCustomObjectAsync(
            TestData.Group, TestData.Version, "default", TestData.Plural, timeoutSeconds: 30, onError: errors.Add))
        {
            seen.Add(type);
            scope.Server.Faults.CloseAllWatches();
        }

        Assert.Equal([WatchEventType.Added], seen);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Events_older_than_the_window_expire_like_a_compaction()
    {
        await using var scope = await ServerScope.StartAsync(new EmbeddedApiServerOptions { EventWindow = 2 });
        var created = await scope.Create(ServerScope.Widget("w1", 1));
        for (var size = 2; size <= 4; size++)
        {
            await scope.Patch("w1", $$$"""{"spec":{"size":{{{size}}}}}""");
        }

        await using var watch = await RawWatch.Open(scope.Http, $"{WidgetsUrl}?watch=true&resourceVersion={ServerScope.ResourceVersion(created)}");

        Assert.Equal("ERROR", (await watch.Next())!["type"]!.ToString());
    }

    [Fact]
    public async Task A_continue_token_from_before_a_compaction_is_410_Expired()
    {
        await using var scope = await ServerScope.StartAsync();
        await scope.Create(ServerScope.Widget("a", 1));
        await scope.Create(ServerScope.Widget("b", 1));
        var token = (await scope.List(limit: 1))["metadata"]!["continue"]!.ToString();
        await scope.Patch("a", """{"spec":{"size":2}}""");
        scope.Server.Faults.CompactEventWindow();

        var (code, status) = await ServerScope.Failure(() => scope.List(limit: 1, continueToken: token));

        Assert.Equal(410, code);
        Assert.Equal("Expired", status["reason"]!.ToString());
    }

    /// <summary>The first <paramref name="count"/> events of a client watch from <paramref name="resourceVersion"/>, as "Type name".</summary>
    // The next events of a raw watch as "TYPE name".
    private static async Task<List<string>> TypesAndNames(RawWatch watch, int count)
    {
        var seen = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var change = await watch.Next();
            seen.Add($"{change!["type"]} {change["object"]!["metadata"]!["name"]}");
        }

        return seen;
    }

    private static async Task<List<string>> Collect(ServerScope scope, string resourceVersion, int count)
    {
        var events = scope.Client.CustomObjects.WatchListNamespacedCustomObjectAsync(
            TestData.Group, TestData.Version, "default", TestData.Plural, resourceVersion: resourceVersion,
            allowWatchBookmarks: true, timeoutSeconds: 5);
        var seen = new List<string>();
        await foreach (var (type, obj) in events)
        {
            if (type == WatchEventType.Bookmark)
            {
                continue;
            }

            seen.Add($"{type} {ServerScope.Node(obj)["metadata"]!["name"]}");
            if (seen.Count == count)
            {
                break;
            }
        }

        return seen;
    }
}
