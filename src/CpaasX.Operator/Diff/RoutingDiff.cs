using System.Text.Json.Serialization;

using CpaasX.Routing.Table;

namespace CpaasX.Operator.Diff;

/// <summary>The routing impact of a change over every namespace on either side, sorted by namespace.</summary>
public sealed record RoutingDiff(DestinationSampling Sampling, IReadOnlyList<NamespaceDiff> Namespaces)
{
    public const string DiffKind = "RoutingDiff";

    [JsonPropertyOrder(-3)]
    public string ApiVersion => RoutingTable.CurrentApiVersion;

    [JsonPropertyOrder(-2)]
    public string Kind => DiffKind;

    [JsonPropertyOrder(-1)]
    public bool Changed => Namespaces.Any(@namespace => @namespace.Changed);
}
