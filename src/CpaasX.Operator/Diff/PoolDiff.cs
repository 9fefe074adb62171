using CpaasX.Routing.Table;

namespace CpaasX.Operator.Diff;

/// <summary>
/// Outbound pools whose senders differ. A sender is compared by what routing uses (value, type, sender type, country,
/// countries), not by the association or Resource name it came from: renaming objects moves no traffic.
/// </summary>
internal static class PoolDiff
{
    public static IReadOnlyList<PoolChange> Compare(RoutingTable from, RoutingTable to)
    {
        var before = from.OutboundPools.ToDictionary(Key);
        var after = to.OutboundPools.ToDictionary(Key);
        List<PoolChange> changes = [];
        foreach (var key in before.Keys.Union(after.Keys))
        {
            var old = before.GetValueOrDefault(key)?.Senders ?? [];
            var @new = after.GetValueOrDefault(key)?.Senders ?? [];
            List<SenderRef> added = [.. @new.ExceptBy(old.Select(Routed), Routed).Select(Reference)];
            List<SenderRef> removed = [.. old.ExceptBy(@new.Select(Routed), Routed).Select(Reference)];
            if (added.Count + removed.Count > 0)
            {
                var change = old.Count == 0 ? "added" : @new.Count == 0 ? "removed" : "changed";
                changes.Add(new PoolChange(key.ApplicationId, key.EntityId, key.Channel, LevelOf(key), change, added, removed));
            }
        }

        return [.. changes
            .OrderBy(change => change.ApplicationId, StringComparer.Ordinal)
            .ThenBy(change => change.EntityId, StringComparer.Ordinal)
            .ThenBy(change => change.Channel)];
    }

    public static PoolRef Key(OutboundPool pool) => new(pool.ApplicationId, pool.EntityId, pool.Channel);

    /// <summary>The level a pool serves: an entity under the default application is the entity level.</summary>
    public static string LevelOf(PoolRef pool) =>
        pool.EntityId is null ? "application" : pool.ApplicationId == RouteSources.DefaultApplicationId ? "entity" : "pair";

    private static SenderRef Reference(PoolSender sender) => new(sender.Value, sender.Resource);

    private static string Routed(PoolSender sender) =>
        $"{sender.Value}|{sender.Type}|{sender.SenderType}|{sender.Country}|{string.Join(',', sender.Countries)}";
}
