using CpaasX.Routing.Model;
using CpaasX.Routing.Table;

namespace CpaasX.Operator.Diff;

/// <summary>SenderStrategies, by name, that appear, disappear, or whose key (application, entity, channel, country) or settings change.</summary>
internal static class StrategyDiff
{
    public static IReadOnlyList<StrategyChange> Compare(RoutingTable from, RoutingTable to)
    {
        var before = from.Strategies.ToDictionary(strategy => strategy.Name, StringComparer.Ordinal);
        var after = to.Strategies.ToDictionary(strategy => strategy.Name, StringComparer.Ordinal);
        List<PoolRef> pools = [.. from.OutboundPools.Concat(to.OutboundPools).Select(PoolDiff.Key).Distinct()];
        return [.. before.Keys.Union(after.Keys)
            .Order(StringComparer.Ordinal)
            .Select(name => (Name: name, From: before.GetValueOrDefault(name), To: after.GetValueOrDefault(name)))
            .Where(item => item.From is null || item.To is null || !SameRouting(item.From, item.To))
            .Select(item => new StrategyChange(
                item.Name,
                item.From is null ? "added" : item.To is null ? "removed" : "changed",
                item.From,
                item.To,
                [.. pools.Where(pool => Matches(item.From, pool) || Matches(item.To, pool))
                    .OrderBy(pool => pool.ApplicationId, StringComparer.Ordinal)
                    .ThenBy(pool => pool.EntityId, StringComparer.Ordinal)
                    .ThenBy(pool => pool.Channel)]))];
    }

    /// <summary>
    /// Whether a strategy's key matches the requests of <paramref name="request"/>: strategies rank SMS and MMS only, and
    /// an empty part matches everything.
    /// </summary>
    public static bool Matches(SenderStrategyEntry? strategy, PoolRef request) =>
        strategy is not null
        && request.Channel is Channel.Sms or Channel.Mms
        && (strategy.Channel is null || strategy.Channel == request.Channel)
        && (strategy.ApplicationId is null || strategy.ApplicationId == request.ApplicationId)
        && (strategy.EntityId is null || strategy.EntityId == request.EntityId);

    private static bool SameRouting(SenderStrategyEntry before, SenderStrategyEntry after) =>
        before.ApplicationId == after.ApplicationId
        && before.EntityId == after.EntityId
        && before.Channel == after.Channel
        && before.DestinationCountryCode == after.DestinationCountryCode
        && before.UseStickySender == after.UseStickySender
        && before.UseGeolocatedSender == after.UseGeolocatedSender
        && before.Priorities.SequenceEqual(after.Priorities);
}
