using CpaasX.Routing.Model;
using CpaasX.Routing.Resolution;
using CpaasX.Routing.Table;

namespace CpaasX.Operator.Diff;

/// <summary>
/// Estimates, with the resolver itself on both tables, the share of outbound messages that go from another sender after
/// a change, for every (application, entity, channel) whose pool or governing strategy changed, by destination country.
/// A destination's messages are shared equally by the senders <see cref="RoutingResolver.ResolveSharingSenders"/> gives
/// (one when sticky, every candidate when spread); its moved part is how much of that share lands on another sender
/// (the total variation distance of the two sharings; all of it when one side has no sender).
/// </summary>
internal static class MovedShares
{
    public static IReadOnlyList<MovedShare> Estimate(
        RoutingTable from, RoutingTable to, IReadOnlyList<PoolChange> pools, IReadOnlyList<StrategyChange> strategies, DestinationSampling sampling)
    {
        if (pools.Count == 0 && strategies.Count == 0)
        {
            return [];
        }

        var poolsBefore = from.OutboundPools.ToDictionary(PoolDiff.Key);
        var poolsAfter = to.OutboundPools.ToDictionary(PoolDiff.Key);
        RoutingResolver before = new(from);
        RoutingResolver after = new(to);
        List<MovedShare> shares = [];
        foreach (var request in AffectedRequests(poolsBefore.Keys.Union(poolsAfter.Keys).ToHashSet(), pools, strategies))
        {
            List<PoolSender> involved = [.. Chain(request).SelectMany(key =>
                (poolsBefore.GetValueOrDefault(key)?.Senders ?? []).Concat(poolsAfter.GetValueOrDefault(key)?.Senders ?? []))];
            var governing = from.Strategies.Concat(to.Strategies).Where(strategy => StrategyDiff.Matches(strategy, request));
            foreach (var country in Countries(involved, governing))
            {
                var destinations = DestinationSample.Of(country, involved.Select(sender => sender.Value), sampling.DestinationsPerCountry);
                var moved = destinations.Sum(destination =>
                {
                    OutboundRequest message = new(request.ApplicationId, request.EntityId, request.Channel, destination);
                    return MovedPart(before.ResolveSharingSenders(message), after.ResolveSharingSenders(message));
                });
                if (moved > 0)
                {
                    shares.Add(new MovedShare(
                        request.ApplicationId, request.EntityId, request.Channel, country, Math.Round(moved / destinations.Count, 4), destinations.Count));
                }
            }
        }

        return [.. shares
            .OrderByDescending(share => share.Share)
            .ThenBy(share => share.ApplicationId, StringComparer.Ordinal)
            .ThenBy(share => share.EntityId, StringComparer.Ordinal)
            .ThenBy(share => share.Channel)
            .ThenBy(share => share.Country, StringComparer.Ordinal)];
    }

    /// <summary>
    /// How much of a destination's messages go from another sender: the total variation distance between equal shares of
    /// <paramref name="before"/> and of <paramref name="after"/>, where no sender at all counts as one outcome.
    /// </summary>
    public static double MovedPart(IReadOnlyList<PoolSender> before, IReadOnlyList<PoolSender> after)
    {
        if (before.Count == 0 || after.Count == 0)
        {
            return before.Count == after.Count ? 0 : 1;
        }

        double moved = 0;
        foreach (var sender in after)
        {
            var kept = before.Count(old => old.Value == sender.Value) / (double)before.Count;
            moved += Math.Max(0, (1.0 / after.Count) - kept);
        }

        return moved;
    }

    // The requests whose answer may change, each standing for all requests that route alike: every changed pool's own
    // requests; an application's requests for an entity with an entity-level pool when the application-level pool changes
    // (they move between the two); and every pool's requests that a changed strategy's key matches, with the pair a
    // pair-level strategy names.
    private static IEnumerable<PoolRef> AffectedRequests(
        HashSet<PoolRef> poolKeys, IReadOnlyList<PoolChange> pools, IReadOnlyList<StrategyChange> strategies)
    {
        HashSet<PoolRef> requests = [];
        foreach (var changed in pools.Select(pool => new PoolRef(pool.ApplicationId, pool.EntityId, pool.Channel)))
        {
            requests.Add(changed);
            if (changed.EntityId is null && changed.ApplicationId != RouteSources.DefaultApplicationId)
            {
                requests.UnionWith(poolKeys
                    .Where(key => key.Channel == changed.Channel && PoolDiff.LevelOf(key) == "entity")
                    .Select(key => changed with { EntityId = key.EntityId }));
            }
        }

        foreach (var strategy in strategies.SelectMany(change => new[] { change.From, change.To }).OfType<SenderStrategyEntry>())
        {
            requests.UnionWith(poolKeys.Where(key => StrategyDiff.Matches(strategy, key)));
            if (strategy is { ApplicationId: { } applicationId, EntityId: { } entityId })
            {
                requests.UnionWith(new[] { Channel.Sms, Channel.Mms }
                    .Where(channel => strategy.Channel is null || strategy.Channel == channel)
                    .Select(channel => new PoolRef(applicationId, entityId, channel)));
            }
        }

        return requests
            .OrderBy(request => request.ApplicationId, StringComparer.Ordinal)
            .ThenBy(request => request.EntityId, StringComparer.Ordinal)
            .ThenBy(request => request.Channel);
    }

    // The pools a request may resolve to, most specific first (the resolver's order).
    private static IEnumerable<PoolRef> Chain(PoolRef request) => request.EntityId is null
        ? [request]
        : [request, request with { EntityId = null }, request with { ApplicationId = RouteSources.DefaultApplicationId }];

    // The countries whose destinations can route differently: those the involved senders can send to and those a
    // strategy names, plus every other country when a sender is not limited by country.
    private static IEnumerable<string> Countries(IReadOnlyList<PoolSender> involved, IEnumerable<SenderStrategyEntry> governing)
    {
        SortedSet<string> countries = new(StringComparer.Ordinal);
        foreach (var sender in involved)
        {
            if (sender.Type == ResourceType.Number && sender.Country is { } country)
            {
                countries.Add(country.ToUpperInvariant());
            }
            else if (sender.Type == ResourceType.Alpha && sender.Countries.Count > 0)
            {
                countries.UnionWith(sender.Countries.Select(code => code.ToUpperInvariant()));
            }
            else if (sender.Type != ResourceType.Number)
            {
                countries.Add(DestinationSample.OtherCountry);
            }
        }

        countries.UnionWith(governing.Select(strategy => strategy.DestinationCountryCode?.ToUpperInvariant()).OfType<string>());
        return countries;
    }
}
