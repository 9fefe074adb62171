namespace CpaasX.Operator.Diff;

/// <summary>The plain-text report of <c>diff</c>: per namespace, every change, one line each.</summary>
internal static class DiffText
{
    public static void Write(RoutingDiff diff, TextWriter output)
    {
        foreach (var @namespace in diff.Namespaces)
        {
            output.WriteLine(@namespace.Changed ? $"namespace {@namespace.Namespace}:" : $"namespace {@namespace.Namespace}: no routing change");
            if (!@namespace.ReadinessCompared)
            {
                output.WriteLine("  objects: not compared (a side is a compiled routing table, which holds Ready objects only)");
            }

            Section(output, "objects", @namespace.Objects, change =>
                $"{change.Kind}/{change.Name}: {DiffWording.Readiness(change.From)} → {DiffWording.Readiness(change.To)}"
                + (change.To is { } to && to.Status != Api.V1Alpha1.ConditionStatuses.True ? $": {to.Message}" : ""));
            Section(output, "outbound pools", @namespace.Pools, change =>
                $"{DiffWording.Pool(change.ApplicationId, change.EntityId, change.Channel)} ({change.Level} level, {change.Change}): "
                + string.Join("; ", new[] { DiffWording.Senders("added", change.SendersAdded), DiffWording.Senders("removed", change.SendersRemoved) }.Where(part => part.Length > 0)));
            Section(output, "strategies", @namespace.Strategies, change =>
                $"{change.Name}: {DiffWording.Strategy(change)}"
                + (change.Governs.Count == 0 ? "; governs no pool" : $"; governs {string.Join(", ", change.Governs.Select(DiffWording.Pool))}"));
            Section(output, $"moved outbound traffic ({DiffWording.Sampling(diff.Sampling)})", @namespace.MovedShares, share =>
                $"{DiffWording.Pool(share.ApplicationId, share.EntityId, share.Channel)} to {share.Country}: {DiffWording.Percent(share.Share)}");
            Section(output, "inbound routes", @namespace.InboundRoutes, Route);
            Section(output, "voice routes", @namespace.VoiceRoutes, Route);
        }

        output.WriteLine(diff.Changed
            ? $"{diff.Namespaces.Count(@namespace => @namespace.Changed)} of {diff.Namespaces.Count} namespace(s) change routing"
            : "no routing change");
    }

    private static string Route(RouteChange change) =>
        $"{change.Value} ({change.Resource}) {Routing.Model.PlatformNames.Of(change.Channel)} {DiffWording.Keyword(change.Keyword)}: "
        + $"{DiffWording.Route(change.From)} → {DiffWording.Route(change.To)}";

    private static void Section<T>(TextWriter output, string title, IReadOnlyList<T> items, Func<T, string> line)
    {
        if (items.Count == 0)
        {
            return;
        }

        output.WriteLine($"  {title}:");
        foreach (var item in items)
        {
            output.WriteLine($"    {line(item)}");
        }
    }
}
