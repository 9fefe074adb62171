using CpaasX.Routing.Model;
using CpaasX.Routing.Table;

namespace CpaasX.Operator.Diff;

/// <summary>
/// Inbound routes, keyed by (number, channel, keyword or default), whose receiving application or entity changes,
/// appears or disappears; VOICE routes apart, since voice is routed by its association alone.
/// </summary>
internal static class InboundDiff
{
    public static (IReadOnlyList<RouteChange> Inbound, IReadOnlyList<RouteChange> Voice) Compare(RoutingTable from, RoutingTable to)
    {
        var before = Routes(from);
        var after = Routes(to);
        List<RouteChange> changes = [.. before.Keys.Union(after.Keys)
            .Select(key => (Key: key, From: before.GetValueOrDefault(key), To: after.GetValueOrDefault(key)))
            .Where(item => item.From?.End != item.To?.End)
            .Select(item => new RouteChange(
                item.Key.Value, (item.To ?? item.From)!.Resource, item.Key.Channel, item.Key.Keyword, item.From?.End, item.To?.End))
            .OrderBy(change => change.Value, StringComparer.Ordinal)
            .ThenBy(change => change.Channel)
            .ThenBy(change => change.Keyword, StringComparer.Ordinal)];
        return ([.. changes.Where(change => change.Channel != Channel.Voice)], [.. changes.Where(change => change.Channel == Channel.Voice)]);
    }

    private static Dictionary<RouteKey, Routed> Routes(RoutingTable table)
    {
        Dictionary<RouteKey, Routed> routes = [];
        foreach (var route in table.InboundRoutes)
        {
            if (route.DefaultRoute is { } defaultRoute)
            {
                routes.TryAdd(new RouteKey(route.Value, route.Channel, null), new Routed(route.Resource, End(defaultRoute)));
            }

            foreach (var keyword in route.KeywordRoutes)
            {
                routes.TryAdd(new RouteKey(route.Value, route.Channel, keyword.Keyword), new Routed(route.Resource, End(keyword.Route)));
            }
        }

        return routes;
    }

    private static RouteEnd End(RouteTarget target) => new(target.ApplicationId, target.EntityId);

    private readonly record struct RouteKey(string Value, Channel Channel, string? Keyword);

    private sealed record Routed(string Resource, RouteEnd End);
}
