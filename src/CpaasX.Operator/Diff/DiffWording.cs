using System.Globalization;

using CpaasX.Routing.Model;
using CpaasX.Routing.Table;

namespace CpaasX.Operator.Diff;

/// <summary>How the text and markdown reports name the parts of a diff, written once for both.</summary>
internal static class DiffWording
{
    public static string Pool(string applicationId, string? entityId, Channel channel) =>
        $"{applicationId}/{entityId ?? "-"} {PlatformNames.Of(channel)}";

    public static string Pool(PoolRef pool) => Pool(pool.ApplicationId, pool.EntityId, pool.Channel);

    public static string Sender(SenderRef sender) => $"{sender.Value} ({sender.Resource})";

    public static string Readiness(ObjectReadiness? readiness) =>
        readiness is null ? "absent" : $"Ready={readiness.Status} {readiness.Reason}";

    public static string Route(RouteEnd? end) => end is null ? "none" : $"{end.ApplicationId}/{end.EntityId ?? "-"}";

    public static string Keyword(string? keyword) => keyword ?? "(default)";

    public static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{share * 100:0.0}%");

    public static string Sampling(DestinationSampling sampling) => string.Create(
        CultureInfo.InvariantCulture,
        $"{sampling.DestinationsPerCountry:N0} sample destinations per country, error bound ±{Percent(sampling.ErrorBound)} at {sampling.Confidence * 100:0}% confidence");

    public static string Senders(string verb, IReadOnlyList<SenderRef> senders) =>
        senders.Count == 0 ? "" : $"{verb} {string.Join(", ", senders.Select(Sender))}";

    /// <summary>What a strategy change does, field by field: the whole strategy when it appears or disappears.</summary>
    public static string Strategy(StrategyChange change) => (change.From, change.To) switch
    {
        (null, { } added) => $"added: {Settings(added)}",
        ({ } removed, null) => $"removed: {Settings(removed)}",
        ({ } from, { } to) => string.Join("; ", Fields(from).Zip(Fields(to))
            .Where(pair => pair.First.Value != pair.Second.Value)
            .Select(pair => $"{pair.First.Name} {pair.First.Value} → {pair.Second.Value}")),
        _ => "",
    };

    private static string Settings(SenderStrategyEntry strategy) =>
        string.Join(", ", Fields(strategy).Select(field => $"{field.Name} {field.Value}"));

    private static IEnumerable<(string Name, string Value)> Fields(SenderStrategyEntry strategy) =>
    [
        ("application", strategy.ApplicationId ?? "any"),
        ("entity", strategy.EntityId ?? "any"),
        ("channel", strategy.Channel is { } channel ? PlatformNames.Of(channel) : "SMS and MMS"),
        ("country", strategy.DestinationCountryCode ?? "any"),
        ("sticky", strategy.UseStickySender ? "yes" : "no"),
        ("geolocated", strategy.UseGeolocatedSender ? "yes" : "no"),
        ("priorities", strategy.Priorities.Count == 0
            ? "none"
            : $"[{string.Join(", ", strategy.Priorities.Select(priority => $"{PlatformNames.Of(priority.SenderType)} {priority.Priority}"))}]"),
    ];
}
