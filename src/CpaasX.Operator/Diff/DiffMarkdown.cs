using CpaasX.Routing.Model;

namespace CpaasX.Operator.Diff;

/// <summary>
/// The markdown report of <c>diff</c>, for a pull-request comment: a summary line, then per changed namespace one table
/// per kind of change, the biggest first (moved traffic by share, pools by senders changed), each cut at
/// <see cref="MaxRows"/> rows with a count of the rest (<see cref="MarkdownTable"/>).
/// </summary>
internal static class DiffMarkdown
{
    public const int MaxRows = MarkdownTable.MaxRows;
    private const int MaxSendersPerCell = 5;

    public static void Write(RoutingDiff diff, TextWriter output)
    {
        List<NamespaceDiff> changed = [.. diff.Namespaces.Where(@namespace => @namespace.Changed)];
        output.WriteLine("### CPaaS X routing impact");
        output.WriteLine();
        output.WriteLine(changed.Count == 0
            ? $"**No routing change** in {diff.Namespaces.Count} namespace(s)."
            : $"**{changed.Count} of {diff.Namespaces.Count} namespace(s) change routing:** {string.Join(", ", changed.Select(@namespace => $"`{@namespace.Namespace}`"))}.");
        foreach (var @namespace in changed)
        {
            output.WriteLine();
            output.WriteLine($"#### `{@namespace.Namespace}`");
            Table(output, "Moved outbound traffic", $"share of messages that go from another sender; {DiffWording.Sampling(diff.Sampling)}",
                ["application", "entity", "channel", "country", "moved"],
                @namespace.MovedShares,
                share => [share.ApplicationId, share.EntityId ?? "-", PlatformNames.Of(share.Channel), share.Country, DiffWording.Percent(share.Share)]);
            Table(output, "Objects whose readiness changes", null, ["object", "before", "after", "message"],
                @namespace.Objects,
                change => [$"{change.Kind}/{change.Name}", DiffWording.Readiness(change.From), DiffWording.Readiness(change.To), change.To?.Message ?? ""]);
            Table(output, "Outbound pools", null, ["pool", "level", "change", "senders added", "senders removed"],
                [.. @namespace.Pools.OrderByDescending(change => change.SendersAdded.Count + change.SendersRemoved.Count)],
                change => [DiffWording.Pool(change.ApplicationId, change.EntityId, change.Channel), change.Level, change.Change, Senders(change.SendersAdded), Senders(change.SendersRemoved)]);
            Table(output, "Sender strategies", null, ["strategy", "change", "pools it governs"],
                @namespace.Strategies,
                change => [change.Name, DiffWording.Strategy(change), Cut([.. change.Governs.Select(DiffWording.Pool)])]);
            Table(output, "Inbound routes", null, ["number", "channel", "keyword", "before", "after"], @namespace.InboundRoutes, Route);
            Table(output, "Voice routes", null, ["number", "channel", "keyword", "before", "after"], @namespace.VoiceRoutes, Route);
            if (!@namespace.ReadinessCompared)
            {
                output.WriteLine();
                output.WriteLine("_Object readiness not compared: a side is a compiled routing table, which holds Ready objects only._");
            }
        }
    }

    private static string[] Route(RouteChange change) =>
        [$"{change.Value} ({change.Resource})", PlatformNames.Of(change.Channel), DiffWording.Keyword(change.Keyword), DiffWording.Route(change.From), DiffWording.Route(change.To)];

    private static string Senders(IReadOnlyList<SenderRef> senders) => Cut([.. senders.Select(DiffWording.Sender)]);

    private static string Cut(IReadOnlyList<string> items) =>
        items.Count <= MaxSendersPerCell
            ? string.Join(", ", items)
            : $"{string.Join(", ", items.Take(MaxSendersPerCell))} and {items.Count - MaxSendersPerCell} more";

    private static void Table<T>(TextWriter output, string title, string? note, string[] header, IReadOnlyList<T> rows, Func<T, string[]> cells) =>
        MarkdownTable.Write(output, title, note, header, rows, cells, "the JSON output lists all");
}
