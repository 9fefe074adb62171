using System.Text.Json.Serialization;

namespace CpaasX.Routing.Table;

/// <summary>
/// The routing table of one namespace, as published in the routing ConfigMap's <c>routing.json</c>.
/// Build it with <see cref="RoutingTableBuilder"/>, which sorts every list so the same objects always give the same bytes.
/// </summary>
public sealed record RoutingTable(
    string Namespace,
    IReadOnlyList<ApplicationEntry> Applications,
    IReadOnlyList<EntityEntry> Entities,
    IReadOnlyList<OutboundPool> OutboundPools,
    IReadOnlyList<SenderStrategyEntry> Strategies,
    IReadOnlyList<InboundRoute> InboundRoutes)
{
    public const string CurrentApiVersion = "cpaasx.io/v1alpha1";
    public const string TableKind = "RoutingTable";

    [JsonPropertyOrder(-2)]
    public string ApiVersion { get; init; } = CurrentApiVersion;

    [JsonPropertyOrder(-1)]
    public string Kind { get; init; } = TableKind;

    /// <summary>The Ready senders by channel (Resource names), associated or not: what an explicit sender may be. Absent in older tables.</summary>
    public IReadOnlyList<ChannelSenders> Senders { get; init; } = [];

    /// <summary>Every Resource of the namespace with its readiness, to explain a refused explicit sender. Absent in older tables.</summary>
    public IReadOnlyList<ResourceEntry> Resources { get; init; } = [];
}
