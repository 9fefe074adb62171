using CpaasX.Operator.Runtime.Informers;

using k8s;
using k8s.Models;

namespace CpaasX.Operator.Tests.Runtime;

/// <summary>A store's named index follows every add, update, delete and relist, from the object each one replaces.</summary>
public sealed class InformerStoreIndexTests
{
    private const string ByTeam = "team";

    private readonly InformerStore<V1ConfigMap> _store = new();

    public InformerStoreIndexTests() =>
        _store.AddIndex(ByTeam, map => map.Metadata.Labels is { } labels && labels.TryGetValue("team", out var team) ? [team] : []);

    [Fact]
    public void An_added_object_is_found_under_its_value_and_one_without_a_value_under_none()
    {
        var added = _store.Upsert(ConfigMap("ns", "a", "1", "payments"));
        _store.Upsert(ConfigMap("ns", "b", "2", team: null));

        Assert.Equal(WatchEventType.Added, added.Type);
        Assert.Null(added.OldObject);
        Assert.Equal(["ns/a"], Keys("payments"));
        Assert.Empty(Keys(""));
    }

    [Fact]
    public void An_update_that_changes_the_value_moves_the_object_and_carries_the_replaced_one()
    {
        _store.Upsert(ConfigMap("ns", "a", "1", "payments"));
        _store.Upsert(ConfigMap("other", "c", "2", "payments"));

        var updated = _store.Upsert(ConfigMap("ns", "a", "3", "billing"));

        Assert.Equal(WatchEventType.Modified, updated.Type);
        Assert.Equal("payments", updated.OldObject?.Metadata.Labels["team"]);
        Assert.Equal(["other/c"], Keys("payments"));
        Assert.Equal(["ns/a"], Keys("billing"));
        Assert.Equal("3", _store.ByIndex(ByTeam, "billing").Single().Metadata.ResourceVersion);
    }

    [Fact]
    public void A_delete_unindexes_what_the_store_held_even_when_the_deleted_state_differs()
    {
        _store.Upsert(ConfigMap("ns", "a", "1", "payments"));

        // The delete event's final state may carry another value than the one indexed.
        var removed = _store.Remove(ConfigMap("ns", "a", "2", "billing"));

        Assert.Equal("payments", removed?.Metadata.Labels["team"]);
        Assert.Empty(Keys("payments"));
        Assert.Empty(Keys("billing"));
        Assert.Null(_store.Remove(ConfigMap("ns", "a", "3", "payments")));
    }

    [Fact]
    public void A_relist_that_drops_objects_unindexes_them_and_reindexes_the_changed_ones()
    {
        _store.Upsert(ConfigMap("ns", "kept", "1", "payments"));
        _store.Upsert(ConfigMap("ns", "dropped", "2", "payments"));
        _store.Upsert(ConfigMap("ns", "changed", "3", "payments"));
        _store.Upsert(ConfigMap("elsewhere", "untouched", "4", "payments"));

        var changes = _store.Replace("ns", [ConfigMap("ns", "kept", "1", "payments"), ConfigMap("ns", "changed", "5", "billing")]);

        Assert.Equal(["elsewhere/untouched", "ns/kept"], Keys("payments"));
        Assert.Equal(["ns/changed"], Keys("billing"));
        var deleted = Assert.Single(changes, change => change.Type == WatchEventType.Deleted);
        Assert.Equal("dropped", deleted.OldObject?.Metadata.Name);
        var modified = Assert.Single(changes, change => change.Type == WatchEventType.Modified);
        Assert.Equal("payments", modified.OldObject?.Metadata.Labels["team"]);
    }

    [Fact]
    public void An_index_added_to_a_filled_store_indexes_what_it_holds()
    {
        _store.Upsert(ConfigMap("ns", "a", "1", "payments"));

        _store.AddIndex("name", map => [map.Metadata.Name]);

        Assert.Equal("a", _store.ByIndex("name", "a").Single().Metadata.Name);
    }

    private IReadOnlyList<string> Keys(string team) =>
        [.. _store.ByIndex(ByTeam, team).Select(map => ObjectKey.Of(map).ToString()).Order(StringComparer.Ordinal)];

    private static V1ConfigMap ConfigMap(string @namespace, string name, string resourceVersion, string? team) => new()
    {
        Metadata = new V1ObjectMeta
        {
            NamespaceProperty = @namespace,
            Name = name,
            ResourceVersion = resourceVersion,
            Labels = team is null ? null : new Dictionary<string, string> { ["team"] = team },
        },
    };
}
