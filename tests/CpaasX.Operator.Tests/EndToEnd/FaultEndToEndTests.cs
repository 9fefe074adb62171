using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Hosting;
using CpaasX.Operator.Observability;
using CpaasX.Operator.Tests.Support;
using CpaasX.Routing.Model;
using CpaasX.Routing.Resolution;

using k8s;

namespace CpaasX.Operator.Tests.EndToEnd;

/// <summary>
/// The operator against the embedded server's fault switches (docs/embedded-api-server.md), with the inbound samples
/// (namespace helpdesk). Not part of a real-cluster run: they need the server's switches and counters.
/// </summary>
[Trait(EndToEndTraits.Category, EndToEndTraits.Faults)]
public sealed class FaultEndToEndTests : IAsyncLifetime
{
    private const string Set = "inbound";
    private const string Namespace = "helpdesk";
    private static readonly InboundRequest Call = new("+13125550121", Channel.Voice);
    private static readonly InboundRequest Join = new("55123", Channel.Sms, "join");
    private static readonly string[] StatusResources = [.. CustomResourceKinds.All.Select(kind => $"{kind.Plural}/status")];

    private OperatorCluster _cluster = null!;
    private IReadOnlyList<ICustomResource> _objects = [];

    public async Task InitializeAsync()
    {
        _cluster = await OperatorCluster.StartAsync();
        _objects = await EmbeddedSamples.ApplyAsync(_cluster, Set);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task After_every_watch_is_closed_a_later_change_is_still_routed()
    {
        await StartRoutedAsync();

        _cluster.Server.Faults.CloseAllWatches();
        await DeleteAsync("resourceassociations", "support-line-voice");

        await EmbeddedSamples.EventuallyRoutedAsync(
            _cluster, Namespace, resolver => resolver.ResolveInbound(Call).Error == UnroutedReason.VoiceRequiresAssociation, "the deleted association left routing");
    }

    [Fact]
    public async Task Deletes_made_while_the_watches_were_down_leave_routing_after_a_410_on_resume()
    {
        await StartRoutedAsync();
        var listsBefore = _cluster.Server.Requests.Count("list", "resourceassociations");

        // The watches are closed and refused (503) while the deletes are stored, so no stream carries them; compacting
        // the event window then answers the operator's resumes 410, so only a new list can show the deletes. Each step
        // waits for the one before: nothing depends on how fast the operator retries.
        var faults = _cluster.Server.Faults;
        faults.RefuseWatches = true;
        faults.CloseAllWatches();
        await DeleteAsync("resourceassociations", "support-line-voice");
        await DeleteAsync("inboundconfigurations", "promo-join");
        faults.CompactEventWindow();
        faults.RefuseWatches = false;

        await EmbeddedSamples.EventuallyRoutedAsync(
            _cluster,
            Namespace,
            resolver => resolver.ResolveInbound(Call).Error == UnroutedReason.VoiceRequiresAssociation && resolver.ResolveInbound(Join).Error == UnroutedReason.NoKeywordMatch,
            "both deleted objects left routing");
        Assert.True(_cluster.Server.Requests.Count("list", "resourceassociations") > listsBefore, "the operator listed again after the 410");
    }

    [Fact]
    public async Task A_409_storm_on_status_writes_ends_with_every_object_Ready_and_no_failed_reconcile()
    {
        foreach (var resource in StatusResources)
        {
            _cluster.Server.Faults.FailNextWrites(resource, 3, 409);
        }

        var instance = await StartRoutedAsync();

        Assert.Equal(0, instance.Metrics.Controllers.ReconcileTotal.WithLabels("namespace", ControllerRuntimeMetrics.Error).Value);
        Assert.True(instance.Metrics.Controllers.ReconcileTotal.WithLabels("namespace", ControllerRuntimeMetrics.Requeue).Value > 0, "the conflicts were met and requeued");
        Assert.DoesNotContain(await _cluster.EventsAsync(Namespace), recorded => recorded.Type == "Warning");
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    public async Task A_burst_of_refused_writes_ends_with_every_object_Ready_and_routed(int statusCode)
    {
        foreach (var resource in StatusResources.Append("configmaps"))
        {
            _cluster.Server.Faults.FailNextWrites(resource, 3, statusCode);
        }

        var instance = await StartRoutedAsync();

        Assert.True(instance.Metrics.Controllers.ReconcileTotal.WithLabels("namespace", ControllerRuntimeMetrics.Error).Value + instance.Metrics.Controllers.ReconcileTotal.WithLabels("namespace", ControllerRuntimeMetrics.Requeue).Value > 0, "the refusals were met");
    }

    [Fact]
    public async Task An_operator_stopped_mid_burst_and_restarted_publishes_the_same_bytes_as_an_uninterrupted_run()
    {
        string[] sets = ["inbound", "environments", "customers"];
        await using var uninterrupted = await OperatorCluster.StartAsync();
        var referenceObjects = await ApplyAllAsync(uninterrupted, sets);
        await uninterrupted.StartOperatorAsync();
        await Task.WhenAll(sets.Select(set => EmbeddedSamples.WaitUntilRoutedAsync(uninterrupted, set, referenceObjects[set])));
        var objects = await ApplyAllAsync(_cluster, sets);

        // Slow writes and one worker: stopped after its first write, the operator finishes that namespace only.
        _cluster.Server.Faults.Latency = TimeSpan.FromMilliseconds(20);
        var interrupted = await _cluster.StartOperatorAsync(new OperatorOptions { Workers = 1 });
        await OperatorCluster.EventuallyAsync(() => Task.FromResult(StatusWrites() >= 1), "the first operator wrote a status");
        await interrupted.StopAsync();
        _cluster.Server.Faults.Latency = TimeSpan.Zero;
        var total = objects.Values.Sum(set => set.Count);
        Assert.True(StatusWrites() < total, $"stopped after {StatusWrites()} of {total} status writes");

        await _cluster.StartOperatorAsync();
        await Task.WhenAll(sets.Select(set => EmbeddedSamples.WaitUntilRoutedAsync(_cluster, set, objects[set])));

        foreach (var @namespace in objects.Values.Select(set => set[0].Metadata.NamespaceProperty))
        {
            var published = (await _cluster.GetConfigMapAsync(@namespace))!;
            var reference = (await uninterrupted.GetConfigMapAsync(@namespace))!;
            Assert.Equal(reference.Data, published.Data);
            Assert.Equal(reference.Metadata.Annotations, published.Metadata.Annotations);
        }
    }

    [Fact]
    public async Task With_leader_election_only_the_leader_writes_and_the_other_takes_over_within_the_lease_duration()
    {
        var options = new OperatorOptions
        {
            LeaderElect = true,
            LeaseDuration = TimeSpan.FromSeconds(3),
            RenewDeadline = TimeSpan.FromSeconds(2),
            RetryPeriod = TimeSpan.FromMilliseconds(200),
        };
        var first = await _cluster.StartOperatorAsync(options, OperatorCluster.ReplicaA);
        var second = await _cluster.StartOperatorAsync(options, OperatorCluster.ReplicaB);
        await EmbeddedSamples.WaitUntilRoutedAsync(_cluster, Set, _objects);

        var (leader, follower) = first.IsWriting ? (first, second) : (second, first);
        var (leaderUser, followerUser) = leader == first ? (OperatorCluster.ReplicaA.UserName, OperatorCluster.ReplicaB.UserName) : (OperatorCluster.ReplicaB.UserName, OperatorCluster.ReplicaA.UserName);
        Assert.False(follower.IsWriting);
        Assert.NotEmpty(WritesBy(leaderUser));
        Assert.Empty(WritesBy(followerUser));

        var stopped = TimeProvider.System.GetTimestamp();
        await leader.StopAsync();
        await OperatorCluster.EventuallyAsync(() => Task.FromResult(follower.IsWriting), "the follower took the lease");
        var takeover = TimeProvider.System.GetElapsedTime(stopped);
        Assert.True(takeover <= options.LeaseDuration, $"took over after {takeover.TotalSeconds:0.00} s");

        await DeleteAsync("resourceassociations", "support-line-voice");
        await EmbeddedSamples.EventuallyRoutedAsync(
            _cluster, Namespace, resolver => resolver.ResolveInbound(Call).Error == UnroutedReason.VoiceRequiresAssociation, "the new leader routed a change");
        Assert.NotEmpty(WritesBy(followerUser));
    }

    [Fact]
    public async Task Deleting_a_tenant_namespace_removes_everything_without_a_failed_reconcile()
    {
        var instance = await StartRoutedAsync();

        await _cluster.Client.CoreV1.DeleteNamespaceAsync(Namespace);

        await OperatorCluster.EventuallyAsync(
            async () => (await _cluster.Client.CoreV1.ListNamespaceAsync()).Items.All(found => found.Metadata.Name != Namespace),
            "the namespace is gone (its objects' finalizers were released)");
        Assert.Equal(0, instance.Metrics.Controllers.ReconcileTotal.WithLabels("namespace", ControllerRuntimeMetrics.Error).Value);
    }

    private async Task<OperatorInstance> StartRoutedAsync()
    {
        var instance = await _cluster.StartOperatorAsync();
        await EmbeddedSamples.WaitUntilRoutedAsync(_cluster, Set, _objects);
        return instance;
    }

    private static async Task<IReadOnlyDictionary<string, IReadOnlyList<ICustomResource>>> ApplyAllAsync(OperatorCluster cluster, IEnumerable<string> sets)
    {
        var applied = new Dictionary<string, IReadOnlyList<ICustomResource>>();
        foreach (var set in sets)
        {
            applied[set] = await EmbeddedSamples.ApplyAsync(cluster, set);
        }

        return applied;
    }

    private Task DeleteAsync(string plural, string name) =>
        _cluster.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(CustomResourceKinds.Group, CustomResourceKinds.Version, Namespace, plural, name);

    private long StatusWrites() => StatusResources.Sum(resource => _cluster.Server.Requests.Writes(resource));

    /// <summary>The writes a client made, leader election's own Lease writes aside.</summary>
    private IReadOnlyList<string> WritesBy(string user) =>
        [.. _cluster.Server.RequestLog.Snapshot()
            .Where(request => request.User == user && request.Verb is "create" or "update" or "patch" or "delete" && request.Resource != "leases")
            .Select(request => $"{request.Verb} {request.Resource}/{request.Subresource} {request.Name}")];
}
