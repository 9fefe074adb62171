using System.Collections.Concurrent;

using CpaasX.Operator.Runtime.Client;
using CpaasX.Operator.Runtime.Informers;

using k8s;
using k8s.Models;

namespace CpaasX.Operator.Tests.Runtime;

public sealed class InformerTests : IAsyncDisposable
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);
    private static readonly InformerSettings NoRetryDelay = new() { RetryBackoff = new(TimeSpan.Zero, TimeSpan.Zero) };

    private readonly ScriptedListWatchClient _api = new();
    private readonly ConcurrentQueue<string> _notifications = new();
    private readonly ConcurrentQueue<string> _undecodableNotifications = new();
    private readonly CancellationTokenSource _stop = new();
    private Informer<V1ConfigMap> _informer = null!;
    private Task _run = Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run.WaitAsync(Hang);
        _stop.Dispose();
    }

    [Fact]
    public async Task Lists_then_watches_from_the_list_resource_version_and_keeps_the_store_current()
    {
        _api.EnqueueList(null, "10", ConfigMap("ns", "a", "3"));
        _api.EnqueueWatch(null, new WatchScript(
        [
            WatchEvent<V1ConfigMap>.Changed(WatchEventType.Added, ConfigMap("ns", "b", "11")),
            WatchEvent<V1ConfigMap>.Changed(WatchEventType.Modified, ConfigMap("ns", "a", "12")),
            WatchEvent<V1ConfigMap>.Changed(WatchEventType.Deleted, ConfigMap("ns", "b", "13")),
        ]));
        Start(NoRetryDelay);

        Assert.Equal("10", (await _api.NextWatchCallAsync(null)).ResourceVersion);
        await _api.NextWatchCallAsync(null);

        Assert.Equal(["ADDED ns/a@3", "ADDED ns/b@11", "MODIFIED ns/a@12", "DELETED ns/b@13"], _notifications);
        Assert.Equal("12", _informer.Store.Get(new ObjectKey("ns", "a"))?.Metadata.ResourceVersion);
        Assert.Null(_informer.Store.Get(new ObjectKey("ns", "b")));
        Assert.Equal(1, _informer.Store.Count);
    }

    [Fact]
    public async Task An_object_that_stops_decoding_leaves_the_store_for_the_undecodable_ones_and_comes_back_when_fixed()
    {
        _api.EnqueueList(null, "10", ConfigMap("ns", "a", "3"));
        _api.EnqueueWatch(null, new WatchScript(
        [
            WatchEvent<V1ConfigMap>.Changed(WatchEventType.Modified, Undecodable("ns", "a", "11")),
            WatchEvent<V1ConfigMap>.Changed(WatchEventType.Modified, ConfigMap("ns", "a", "12")),
        ]));
        Start(NoRetryDelay);

        await _api.NextWatchCallAsync(null);
        Assert.Equal("12", (await _api.NextWatchCallAsync(null)).ResourceVersion);

        Assert.Equal(["ADDED ns/a@3", "DELETED ns/a@3", "ADDED ns/a@12"], _notifications);
        Assert.Equal(["ADDED ns/a@11", "DELETED ns/a@11"], _undecodableNotifications);
        Assert.Equal("12", _informer.Store.Get(new ObjectKey("ns", "a"))?.Metadata.ResourceVersion);
        Assert.Equal(0, _informer.Undecodable.Count);
    }

    [Fact]
    public async Task A_relist_replaces_the_undecodable_objects_of_its_scope()
    {
        _api.EnqueueList(null, "10", ConfigMap("ns", "a", "3"));
        _api.EnqueueWatch(null, new WatchScript([WatchEvent<V1ConfigMap>.Changed(WatchEventType.Added, Undecodable("ns", "b", "11"))]));
        Start(NoRetryDelay);
        await _api.NextWatchCallAsync(null);
        await _api.NextWatchCallAsync(null);
        Assert.Equal(1, _informer.Undecodable.Count);
        _api.EnqueueWatch(null, new WatchScript([WatchEvent<V1ConfigMap>.Error(new V1Status { Code = ApiStatusCodes.Gone })]));
        _api.EnqueueList(null, "20", ConfigMap("ns", "a", "3"));

        await _api.NextWatchCallAsync(null);

        Assert.Null(_informer.Undecodable.Get(new ObjectKey("ns", "b")));
    }

    [Fact]
    public async Task Is_synced_only_once_the_first_list_is_in_the_store()
    {
        Start(NoRetryDelay);
        Assert.False(_informer.HasSynced);

        _api.EnqueueList(null, "10", ConfigMap("ns", "a", "3"));
        await _informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(Hang);

        Assert.True(_informer.HasSynced);
        Assert.NotNull(_informer.Store.Get(new ObjectKey("ns", "a")));
    }

    [Fact]
    public async Task A_closed_stream_resumes_from_the_last_resource_version_seen_without_listing_again()
    {
        _api.EnqueueList(null, "10");
        _api.EnqueueWatch(null, new WatchScript([WatchEvent<V1ConfigMap>.Changed(WatchEventType.Added, ConfigMap("ns", "a", "11"))]));
        Start(NoRetryDelay);

        await _api.NextWatchCallAsync(null);
        Assert.Equal("11", (await _api.NextWatchCallAsync(null)).ResourceVersion);
        Assert.Single(_api.ListCalls);
    }

    [Fact]
    public async Task A_bookmark_moves_the_resume_point_without_notifying()
    {
        _api.EnqueueList(null, "10", ConfigMap("ns", "a", "3"));
        _api.EnqueueWatch(null, new WatchScript([WatchEvent<V1ConfigMap>.Bookmark("42")]));
        Start(NoRetryDelay);

        await _api.NextWatchCallAsync(null);
        Assert.Equal("42", (await _api.NextWatchCallAsync(null)).ResourceVersion);
        Assert.Equal(["ADDED ns/a@3"], _notifications);
    }

    [Fact]
    public async Task A_broken_stream_resumes_from_the_last_resource_version_seen()
    {
        _api.EnqueueList(null, "10");
        _api.EnqueueWatch(null, new WatchScript(
            [WatchEvent<V1ConfigMap>.Changed(WatchEventType.Added, ConfigMap("ns", "a", "11"))],
            new HttpRequestException("connection reset", new EndOfStreamException())));
        Start(NoRetryDelay);

        await _api.NextWatchCallAsync(null);
        Assert.Equal("11", (await _api.NextWatchCallAsync(null)).ResourceVersion);
        Assert.Single(_api.ListCalls);
        Assert.NotNull(_informer.Store.Get(new ObjectKey("ns", "a")));
    }

    [Fact]
    public async Task An_error_event_other_than_expired_resumes_from_the_last_resource_version_seen()
    {
        _api.EnqueueList(null, "10");
        _api.EnqueueWatch(null, new WatchScript([WatchEvent<V1ConfigMap>.Error(new V1Status { Code = 500, Reason = "InternalError" })]));
        Start(NoRetryDelay);

        await _api.NextWatchCallAsync(null);
        Assert.Equal("10", (await _api.NextWatchCallAsync(null)).ResourceVersion);
        Assert.Single(_api.ListCalls);
    }

    [Fact]
    public async Task Expired_lists_again_and_reports_objects_deleted_while_disconnected()
    {
        _api.EnqueueList(null, "10", ConfigMap("ns", "kept", "3"), ConfigMap("ns", "deleted", "4"), ConfigMap("other", "changed", "5"));
        _api.EnqueueWatch(null, new WatchScript([WatchEvent<V1ConfigMap>.Error(Expired())]));
        _api.EnqueueList(null, "20", ConfigMap("ns", "kept", "3"), ConfigMap("other", "changed", "17"), ConfigMap("ns", "created", "18"));
        Start(NoRetryDelay);

        Assert.Equal("10", (await _api.NextWatchCallAsync(null)).ResourceVersion);
        Assert.Equal("20", (await _api.NextWatchCallAsync(null)).ResourceVersion);

        Assert.Equal(2, _api.ListCalls.Count);
        Assert.Equal(
            ["ADDED ns/kept@3", "ADDED ns/deleted@4", "ADDED other/changed@5", "DELETED ns/deleted@4", "MODIFIED other/changed@17", "ADDED ns/created@18"],
            _notifications);
        Assert.Equal(["created", "kept"], _informer.Store.List("ns").Select(configMap => configMap.Metadata.Name).Order());
        Assert.Equal(["changed"], _informer.Store.List("other").Select(configMap => configMap.Metadata.Name));
    }

    [Fact]
    public async Task Watches_only_the_listed_namespaces_with_the_label_selector_and_relists_each_on_its_own()
    {
        var settings = NoRetryDelay with { Namespaces = ["ns1", "ns2"], LabelSelector = "app=x" };
        _api.EnqueueList("ns1", "5", ConfigMap("ns1", "a", "5"));
        _api.EnqueueWatch("ns1", new WatchScript([WatchEvent<V1ConfigMap>.Error(Expired())]));
        _api.EnqueueList("ns1", "9");
        Start(settings);

        Assert.Equal(("app=x", "5"), await _api.NextWatchCallAsync("ns1"));
        Assert.Equal(("app=x", "9"), await _api.NextWatchCallAsync("ns1"));
        Assert.False(_informer.HasSynced);

        _api.EnqueueList("ns2", "7", ConfigMap("ns2", "b", "7"));
        Assert.Equal(("app=x", "7"), await _api.NextWatchCallAsync("ns2"));

        Assert.True(_informer.HasSynced);
        Assert.Equal([("ns1", "app=x"), ("ns1", "app=x"), ("ns2", "app=x")], _api.ListCalls.OrderBy(call => call.Namespace));
        Assert.Empty(_informer.Store.List("ns1"));
        Assert.Single(_informer.Store.List("ns2"));
        Assert.Equal(["ns2"], _informer.Store.Namespaces());
        Assert.Contains("DELETED ns1/a@5", _notifications);
        Assert.DoesNotContain("DELETED ns2/b@7", _notifications);
    }

    [Fact]
    public async Task A_failing_handler_does_not_stop_the_others_or_the_informer()
    {
        _api.EnqueueList(null, "10", ConfigMap("ns", "a", "3"));
        _api.EnqueueWatch(null, new WatchScript([WatchEvent<V1ConfigMap>.Changed(WatchEventType.Added, ConfigMap("ns", "b", "11"))]));
        _informer = new Informer<V1ConfigMap>(_api, NoRetryDelay);
        _informer.AddHandler(_ => throw new InvalidOperationException("handler bug"));
        _informer.AddHandler(Record);
        _informer.AddUndecodableHandler(change => _undecodableNotifications.Enqueue(Describe(change)));
        _run = _informer.RunAsync(_stop.Token);

        await _api.NextWatchCallAsync(null);
        await _api.NextWatchCallAsync(null);

        Assert.Equal(["ADDED ns/a@3", "ADDED ns/b@11"], _notifications);
    }

    private void Start(InformerSettings settings)
    {
        _informer = new Informer<V1ConfigMap>(_api, settings);
        _informer.AddHandler(Record);
        _informer.AddUndecodableHandler(change => _undecodableNotifications.Enqueue(Describe(change)));
        _run = _informer.RunAsync(_stop.Token);
    }

    private void Record(InformerEvent<V1ConfigMap> change) => _notifications.Enqueue(Describe(change));

    private static string Describe<TObject>(InformerEvent<TObject> change)
        where TObject : IKubernetesObject<V1ObjectMeta> =>
        $"{change.Type.ToString().ToUpperInvariant()} {ObjectKey.Of(change.Object)}@{change.Object.Metadata.ResourceVersion}";

    private static V1Status Expired() => new() { Code = 410, Reason = "Expired", Message = "too old resource version: 10 (15)" };

    private static UndecodableObject Undecodable(string @namespace, string name, string resourceVersion) =>
        new("v1", "ConfigMap", new V1ObjectMeta { NamespaceProperty = @namespace, Name = name, ResourceVersion = resourceVersion }, "$.data", "7", "not a string map", null);

    private static V1ConfigMap ConfigMap(string @namespace, string name, string resourceVersion) =>
        new() { Metadata = new V1ObjectMeta { NamespaceProperty = @namespace, Name = name, ResourceVersion = resourceVersion } };
}
