using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

using CpaasX.ApiServer.Tests.Support;

using k8s.Autorest;

namespace CpaasX.ApiServer.Tests.Faults;

/// <summary>Each fault switch, with the effect a client sees; and the request counters.</summary>
public sealed class FaultInjectionTests
{
    private const string WidgetsUrl = "/apis/example.com/v1/namespaces/default/widgets";

    [Fact]
    public async Task Closing_all_watches_ends_open_streams()
    {
        await using var scope = await ServerScope.StartAsync();
        await scope.Create(ServerScope.Widget("w1", 1));
        await using var watch = await RawWatch.Open(scope.Http, $"{WidgetsUrl}?watch=true");
        var added = await watch.Next();

        scope.Server.Faults.CloseAllWatches();

        Assert.Equal("ADDED", added!["type"]!.ToString());
        Assert.Null(await watch.Next());
    }

    [Fact]
    public async Task Expiring_the_next_watch_answers_410_once()
    {
        await using var scope = await ServerScope.StartAsync();
        var created = await scope.Create(ServerScope.Widget("w1", 1));
        var url = $"{WidgetsUrl}?watch=true&resourceVersion={ServerScope.ResourceVersion(created)}&timeoutSeconds=1";
        scope.Server.Faults.ExpireNextWatch();

        await using var expired = await RawWatch.Open(scope.Http, url);
        var error = await expired.Next();
        await using var next = await RawWatch.Open(scope.Http, url);
        var bookmarkOrEnd = await next.Next();

        Assert.Equal(410, error!["object"]!["code"]!.GetValue<int>());
        Assert.Null(bookmarkOrEnd);
    }

    [Theory]
    [InlineData(409, "Conflict")]
    [InlineData(429, "TooManyRequests")]
    [InlineData(500, "InternalError")]
    public async Task Failing_the_next_writes_answers_that_code_then_lets_writes_through(int code, string reason)
    {
        await using var scope = await ServerScope.StartAsync();
        scope.Server.Faults.FailNextWrites("widgets", 2, code);

        var first = await Assert.ThrowsAsync<HttpOperationException>(() => scope.Create(ServerScope.Widget("w1", 1)));
        var (secondCode, _) = await ServerScope.Failure(() => scope.Create(ServerScope.Widget("w1", 1)));
        var third = await scope.Create(ServerScope.Widget("w1", 1));

        Assert.Equal(code, (int)first.Response.StatusCode);
        Assert.Equal(reason, JsonNode.Parse(first.Response.Content)!["reason"]!.ToString());
        Assert.Equal(code == 429, first.Response.Headers.ContainsKey("Retry-After"));
        Assert.Equal(code, secondCode);
        Assert.Equal("w1", third["metadata"]!["name"]!.ToString());
    }

    [Fact]
    public async Task A_write_fault_on_the_status_subresource_leaves_the_main_resource_alone()
    {
        await using var scope = await ServerScope.StartAsync();
        await scope.Create(ServerScope.Widget("w1", 1));
        scope.Server.Faults.FailNextWrites("widgets/status", 1, 500);

        await scope.Patch("w1", """{"spec":{"size":2}}""");
        var (code, _) = await ServerScope.Failure(() => scope.PatchStatus("w1", """{"status":{"conditions":[]}}"""));

        Assert.Equal(500, code);
    }

    [Fact]
    public async Task Latency_delays_every_answer()
    {
        await using var scope = await ServerScope.StartAsync();
        scope.Server.Faults.Latency = TimeSpan.FromMilliseconds(300);

        var watch = Stopwatch.StartNew();
        await scope.List();

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(290), $"answered after {watch.Elapsed}");
    }

    [Fact]
    public async Task Requests_are_counted_by_verb_and_resource()
    {
        await using var scope = await ServerScope.StartAsync();
        await scope.Create(ServerScope.Widget("w1", 1));
        await scope.Get("w1");
        await scope.Patch("w1", """{"spec":{"size":2}}""");
        await scope.PatchStatus("w1", """{"status":{"conditions":[]}}""");
        await scope.List();

        var requests = scope.Server.Requests;

        Assert.Equal(1, requests.Count("create", "widgets"));
        Assert.Equal(1, requests.Count("get", "widgets"));
        Assert.Equal(1, requests.Count("patch", "widgets/status"));
        Assert.Equal(1, requests.Count("list", "widgets"));
        Assert.Equal(2, requests.Writes("widgets"));
        Assert.Equal(1, requests.Count("create", "customresourcedefinitions"));
        Assert.Equal(4, requests.TotalWrites());
    }

    [Fact]
    public async Task The_admin_endpoint_switches_faults_and_reports_counters_for_a_standalone_server()
    {
        await using var scope = await ServerScope.StartAsync();

        using var arm = await scope.Http.PostAsync("/_admin/faults/fail-writes?resource=widgets&count=1&code=429", null);
        var (code, _) = await ServerScope.Failure(() => scope.Create(ServerScope.Widget("w1", 1)));
        using var reset = await scope.Http.PostAsync("/_admin/faults/latency?ms=0", null);
        var counters = JsonNode.Parse(await scope.Http.GetStringAsync("/_admin/requests"))!;

        Assert.Equal(HttpStatusCode.NoContent, arm.StatusCode);
        Assert.Equal(429, code);
        Assert.Equal(1, counters["create widgets"]!.GetValue<long>());
        Assert.Null(counters["get _admin"]);
    }

    [Fact]
    public async Task The_admin_endpoint_closes_watches_expires_the_next_watch_and_resets_armed_faults()
    {
        await using var scope = await ServerScope.StartAsync();
        var created = await scope.Create(ServerScope.Widget("w1", 1));
        await using var open = await RawWatch.Open(scope.Http, $"{WidgetsUrl}?watch=true&resourceVersion={ServerScope.ResourceVersion(created)}");

        using var close = await scope.Http.PostAsync("/_admin/faults/close-watches", null);
        var closedEnd = await open.Next();
        using var expire = await scope.Http.PostAsync("/_admin/faults/expire-next-watch", null);
        await using var expired = await RawWatch.Open(scope.Http, $"{WidgetsUrl}?watch=true&resourceVersion={ServerScope.ResourceVersion(created)}");
        using var arm = await scope.Http.PostAsync("/_admin/faults/fail-writes?resource=widgets&count=1&code=500", null);
        using var reset = await scope.Http.PostAsync("/_admin/faults/reset", null);
        var afterReset = await scope.Patch("w1", """{"spec":{"size":2}}""");
        using var unknown = await scope.Http.PostAsync("/_admin/faults/explode", null);

        Assert.Null(closedEnd);
        Assert.Equal(410, (await expired.Next())!["object"]!["code"]!.GetValue<int>());
        Assert.Equal(2, afterReset["spec"]!["size"]!.GetValue<int>());
        Assert.All([close, expire, arm, reset], response => Assert.Equal(HttpStatusCode.NoContent, response.StatusCode));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Admin_compaction_expires_older_watches()
    {
        await using var scope = await ServerScope.StartAsync();
        var created = await scope.Create(ServerScope.Widget("w1", 1));
        await scope.Patch("w1", """{"spec":{"size":2}}""");

        using var compact = await scope.Http.PostAsync("/_admin/faults/compact", null);
        await using var watch = await RawWatch.Open(scope.Http, $"{WidgetsUrl}?watch=true&resourceVersion={ServerScope.ResourceVersion(created)}");

        Assert.Equal("ERROR", (await watch.Next())!["type"]!.ToString());
    }
}
