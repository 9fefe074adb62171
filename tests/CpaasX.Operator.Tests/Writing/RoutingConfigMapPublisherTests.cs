using System.Text;

using CpaasX.Operator.Api;
using CpaasX.Operator.Observability;
using CpaasX.Operator.Tests.Support;
using CpaasX.Operator.Writing;
using CpaasX.Routing.Table;

using k8s;
using k8s.Models;

using Microsoft.Extensions.Logging.Abstractions;

namespace CpaasX.Operator.Tests.Writing;

public sealed class RoutingConfigMapPublisherTests : IAsyncLifetime
{
    private const string Namespace = "shop";
    private const string Name = "cpaasx-routing";
    private readonly OperatorMetrics _metrics = new();
    private OperatorCluster _cluster = null!;
    private RoutingConfigMapPublisher _publisher = null!;

    public async Task InitializeAsync()
    {
        _cluster = await OperatorCluster.StartAsync(installCrds: false);
        await _cluster.CreateNamespaceAsync(Namespace);
        var events = new EventRecorder(_cluster.Client, "test", TimeProvider.System, NullLogger.Instance);
        _publisher = new RoutingConfigMapPublisher(_cluster.Client, Name, _metrics, events, NullLogger.Instance);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_missing_ConfigMap_is_created_labelled_annotated_and_holding_routing_json()
    {
        var table = TestTables.WithApplications(Namespace, "checkout");

        Assert.Equal(WriteOutcome.Written, await _publisher.PublishTableAsync(_cluster, Namespace, table));

        var stored = (await _cluster.GetConfigMapAsync(Namespace, Name))!;
        var json = RoutingTableJson.Serialize(table);
        Assert.Equal("cpaasx-operator", stored.Metadata.Labels["app.kubernetes.io/managed-by"]);
        Assert.Equal(RoutingTableJson.ContentHash(json), stored.Metadata.Annotations["cpaasx.io/routing-hash"]);
        Assert.Equal(Encoding.UTF8.GetString(json), Assert.Single(stored.Data!, entry => entry.Key == "routing.json").Value);
        Assert.Null(stored.BinaryData);
        Assert.Equal(json.Length, _metrics.RoutingConfigMapBytes.WithLabels(Namespace).Value);
    }

    [Fact]
    public async Task The_same_table_is_not_written_again()
    {
        var table = TestTables.WithApplications(Namespace, "checkout");
        await _publisher.PublishTableAsync(_cluster, Namespace, table);

        Assert.Equal(WriteOutcome.Unchanged, await _publisher.PublishTableAsync(_cluster, Namespace, TestTables.WithApplications(Namespace, "checkout")));

        Assert.Equal(1, _cluster.Server.Requests.Writes("configmaps"));
        Assert.Equal(1, _metrics.WritesSkipped.WithLabels(WriteKinds.ConfigMap).Value);
    }

    [Fact]
    public async Task A_changed_table_updates_the_ConfigMap()
    {
        await _publisher.PublishTableAsync(_cluster, Namespace, TestTables.WithApplications(Namespace, "checkout"));
        var changed = TestTables.WithApplications(Namespace, "checkout", "billing");

        Assert.Equal(WriteOutcome.Written, await _publisher.PublishTableAsync(_cluster, Namespace, changed));

        Assert.Equal(Encoding.UTF8.GetString(RoutingTableJson.Serialize(changed)), (await _cluster.GetConfigMapAsync(Namespace, Name))!.Data["routing.json"]);
    }

    [Fact]
    public async Task A_hand_edit_that_kept_the_hash_annotation_is_put_back()
    {
        var table = TestTables.WithApplications(Namespace, "checkout");
        await _publisher.PublishTableAsync(_cluster, Namespace, table);
        var edited = (await _cluster.GetConfigMapAsync(Namespace, Name))!;
        edited.Data["routing.json"] = "{}";
        edited.Data["notes"] = "added by hand";
        await _cluster.Client.CoreV1.ReplaceNamespacedConfigMapAsync(edited, Name, Namespace);

        Assert.Equal(WriteOutcome.Written, await _publisher.PublishTableAsync(_cluster, Namespace, table));

        var restored = (await _cluster.GetConfigMapAsync(Namespace, Name))!;
        Assert.Equal(Encoding.UTF8.GetString(RoutingTableJson.Serialize(table)), Assert.Single(restored.Data).Value);
    }

    [Fact]
    public async Task A_table_over_the_limit_is_stored_gzipped_under_binaryData()
    {
        var table = TestTables.Compressible(Namespace);
        var json = RoutingTableJson.Serialize(table);
        Assert.True(json.Length > RoutingPayload.MaxBytes);

        Assert.Equal(WriteOutcome.Written, await _publisher.PublishTableAsync(_cluster, Namespace, table));

        var stored = (await _cluster.GetConfigMapAsync(Namespace, Name))!;
        Assert.True(stored.Data is null || stored.Data.Count == 0);
        var gzip = Assert.Single(stored.BinaryData, entry => entry.Key == "routing.json.gz").Value;
        Assert.True(gzip.Length <= RoutingPayload.MaxBytes);
        Assert.Equal(json, RoutingTableJson.Serialize(RoutingTableJson.Deserialize(gzip)));
        Assert.Equal(RoutingTableJson.ContentHash(json), stored.Metadata.Annotations["cpaasx.io/routing-hash"]);
        Assert.Equal(WriteOutcome.Unchanged, await _publisher.PublishTableAsync(_cluster, Namespace, table));
    }

    [Fact]
    public async Task A_hand_edited_gzip_is_put_back()
    {
        var table = TestTables.Compressible(Namespace);
        await _publisher.PublishTableAsync(_cluster, Namespace, table);
        var edited = (await _cluster.GetConfigMapAsync(Namespace, Name))!;
        edited.BinaryData["routing.json.gz"] = Encoding.UTF8.GetBytes("not gzip");
        await _cluster.Client.CoreV1.ReplaceNamespacedConfigMapAsync(edited, Name, Namespace);

        Assert.Equal(WriteOutcome.Written, await _publisher.PublishTableAsync(_cluster, Namespace, table));

        var restored = (await _cluster.GetConfigMapAsync(Namespace, Name))!;
        Assert.Equal(RoutingTableJson.Serialize(table), RoutingTableJson.Serialize(RoutingTableJson.Deserialize(restored.BinaryData["routing.json.gz"])));
    }

    [Fact]
    public async Task A_table_too_large_even_sharded_keeps_the_last_good_ConfigMap_and_warns()
    {
        var good = TestTables.WithApplications(Namespace, "checkout");
        await _publisher.PublishTableAsync(_cluster, Namespace, good);
        var bounded = new RoutingConfigMapPublisher(_cluster.Client, Name, _metrics, new EventRecorder(_cluster.Client, "test", TimeProvider.System, NullLogger.Instance), NullLogger.Instance, maxShards: 1);

        Assert.Equal(WriteOutcome.Rejected, await bounded.PublishTableAsync(_cluster, Namespace, TestTables.Incompressible(Namespace)));

        Assert.Equal(Encoding.UTF8.GetString(RoutingTableJson.Serialize(good)), (await _cluster.GetConfigMapAsync(Namespace, Name))!.Data["routing.json"]);
        Assert.Equal(1, _cluster.Server.Requests.Writes("configmaps"));
        Assert.Equal(1, _metrics.RoutingTableTooLarge.Value);
        var warning = Assert.Single(await _cluster.EventsAsync(Namespace));
        Assert.Equal(("Warning", "RoutingTableTooLarge", "ConfigMap", Name), (warning.Type, warning.Reason, warning.InvolvedObject.Kind, warning.InvolvedObject.Name));
        Assert.Equal("cpaasx-operator", warning.Source.Component);
        Assert.Equal([[Namespace]], _metrics.RoutingNotPublished.GetAllLabelValues());

        Assert.Equal(WriteOutcome.Unchanged, await bounded.PublishTableAsync(_cluster, Namespace, good));

        Assert.Empty(_metrics.RoutingNotPublished.GetAllLabelValues());
    }

    [Fact]
    public async Task A_table_too_large_gzipped_is_sharded_behind_an_index_and_reads_back()
    {
        var table = TestTables.Incompressible(Namespace);

        Assert.Equal(WriteOutcome.Written, await _publisher.PublishTableAsync(_cluster, Namespace, table));

        var index = (await _cluster.GetConfigMapAsync(Namespace, Name))!;
        var hash = RoutingTableJson.ContentHash(RoutingTableJson.Serialize(table));
        Assert.Equal((hash, "a"), (index.Metadata.Annotations["cpaasx.io/routing-hash"], index.Metadata.Annotations["cpaasx.io/routing-slot"]));
        var shards = RoutingTableIndex.Parse(Encoding.UTF8.GetBytes(Assert.Single(index.Data, entry => entry.Key == "routing-index.json").Value)).Shards;
        Assert.True(shards.Count > 1);
        Assert.Equal(shards.Select((_, i) => $"{Name}-a-{i}"), shards.Select(shard => shard.ConfigMap));
        Assert.Equal(shards.Count + 1, (await _cluster.ManagedConfigMapsAsync(Namespace)).Count);
        Assert.Equal(RoutingTableJson.Serialize(table), RoutingTableJson.Serialize(RoutingTableJson.Load(await _cluster.MountRoutingAsync(Namespace))));
        Assert.Equal(WriteOutcome.Unchanged, await _publisher.PublishTableAsync(_cluster, Namespace, table));
    }

    [Fact]
    public async Task A_new_sharded_table_switches_slots_keeping_the_previous_one_whole_until_it_is_replaced()
    {
        // About 4 shards, then as many, then about 3.
        var first = TestTables.Incompressible(Namespace, applications: 100_000);
        var second = first with { Applications = first.Applications.Skip(1).ToList() };
        var third = first with { Applications = first.Applications.Take(60_000).ToList() };

        await _publisher.PublishTableAsync(_cluster, Namespace, first);
        var firstShards = await ShardNamesAsync();
        await _publisher.PublishTableAsync(_cluster, Namespace, second);

        Assert.Equal("b", (await _cluster.GetConfigMapAsync(Namespace, Name))!.Metadata.Annotations["cpaasx.io/routing-slot"]);
        Assert.Superset(firstShards.ToHashSet(), (await ShardNamesAsync()).ToHashSet());
        Assert.Equal(RoutingTableJson.Serialize(second), RoutingTableJson.Serialize(RoutingTableJson.Load(await _cluster.MountRoutingAsync(Namespace))));

        // The third goes back to slot a, fewer shards: a's extra shards go, b (the second table) stays whole.
        await _publisher.PublishTableAsync(_cluster, Namespace, third);
        var names = await ShardNamesAsync();
        Assert.Contains(names, name => name.StartsWith($"{Name}-b-", StringComparison.Ordinal));
        Assert.True(names.Count(name => name.StartsWith($"{Name}-a-", StringComparison.Ordinal)) < firstShards.Count);
        Assert.Equal(RoutingTableJson.Serialize(third), RoutingTableJson.Serialize(RoutingTableJson.Load(await _cluster.MountRoutingAsync(Namespace))));

        // Small again: plain routing.json, every shard gone.
        await _publisher.PublishTableAsync(_cluster, Namespace, TestTables.WithApplications(Namespace, "checkout"));
        Assert.Empty(await ShardNamesAsync());
    }

    [Fact]
    public async Task A_planted_gzip_bomb_under_the_managed_label_is_read_within_bounds_and_overwritten()
    {
        var table = TestTables.Compressible(Namespace);
        var json = RoutingTableJson.Serialize(table);
        await _cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap
            {
                Metadata = new V1ObjectMeta
                {
                    Name = Name,
                    Labels = new Dictionary<string, string> { [ManagedLabel.Key] = ManagedLabel.Value },
                    Annotations = new Dictionary<string, string> { [RoutingConfigMapPublisher.HashAnnotation] = RoutingTableJson.ContentHash(json) },
                },
                BinaryData = new Dictionary<string, byte[]> { ["routing.json.gz"] = GzipBombs.OneGibibyteOfZeros },
            },
            Namespace);

        Assert.Equal(WriteOutcome.Written, await _publisher.PublishTableAsync(_cluster, Namespace, table));

        var restored = (await _cluster.GetConfigMapAsync(Namespace, Name))!;
        Assert.Equal(json, RoutingTableJson.Serialize(RoutingTableJson.Deserialize(restored.BinaryData["routing.json.gz"])));
    }

    private async Task<List<string>> ShardNamesAsync() =>
        [.. (await _cluster.ManagedConfigMapsAsync(Namespace)).Select(configMap => configMap.Metadata.Name).Where(name => name != Name)];

    [Fact]
    public async Task Removing_deletes_the_managed_ConfigMap_and_nothing_when_there_is_none()
    {
        await _publisher.PublishTableAsync(_cluster, Namespace, TestTables.WithApplications(Namespace, "checkout"));

        Assert.Equal(WriteOutcome.Written, await _publisher.RemoveAsync(Namespace, await _cluster.ManagedConfigMapsAsync(Namespace), CancellationToken.None));
        Assert.Null(await _cluster.GetConfigMapAsync(Namespace, Name));
        Assert.Equal(WriteOutcome.Unchanged, await _publisher.RemoveAsync(Namespace, [], CancellationToken.None));
        Assert.Equal(2, _cluster.Server.Requests.Writes("configmaps"));
    }

    [Fact]
    public async Task A_ConfigMap_of_that_name_without_the_label_is_left_alone_with_a_warning()
    {
        await _cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = Name }, Data = new Dictionary<string, string> { ["mine"] = "yes" } },
            Namespace);

        Assert.Equal(WriteOutcome.Held, await _publisher.PublishTableAsync(_cluster, Namespace, TestTables.WithApplications(Namespace, "checkout")));

        var untouched = (await _cluster.GetConfigMapAsync(Namespace, Name))!;
        Assert.Equal("yes", Assert.Single(untouched.Data).Value);
        Assert.Null(untouched.Metadata.Labels);
        Assert.Equal(RoutingConfigMapPublisher.NotManagedReason, Assert.Single(await _cluster.EventsAsync(Namespace)).Reason);
        Assert.Equal(1, _metrics.RoutingNotPublished.WithLabels(Namespace).Value);

        Assert.Equal(WriteOutcome.Unchanged, await _publisher.RemoveAsync(Namespace, [], CancellationToken.None));

        Assert.Empty(_metrics.RoutingNotPublished.GetAllLabelValues());
    }
}
