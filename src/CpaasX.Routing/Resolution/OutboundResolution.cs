using CpaasX.Routing.Table;

namespace CpaasX.Routing.Resolution;

/// <summary>
/// The answer to an outbound request: the chosen <see cref="Sender"/> with its level and strategy, or the
/// <see cref="Error"/> that explains why there is none. Either way <see cref="Explanation"/> lists the steps taken.
/// </summary>
public sealed record OutboundResolution(
    PoolSender? Sender,
    RoutingLevel? Level,
    string? Strategy,
    UnroutedReason? Error,
    string? Message,
    IReadOnlyList<string> Explanation)
{
    public bool IsRouted => Sender is not null;

    /// <summary>
    /// For an explicit sender: whether it is also in the pool the request's application/entity has for the channel, so a
    /// workload can warn when it sends for one customer from another's sender. Null for every other answer.
    /// </summary>
    public bool? SenderAssociated { get; init; }

    public static OutboundResolution Routed(PoolSender sender, RoutingLevel level, string? strategy, IReadOnlyList<string> explanation) =>
        new(sender, level, strategy, null, null, explanation);

    public static OutboundResolution Unrouted(UnroutedReason error, string message, IReadOnlyList<string> explanation) =>
        new(null, null, null, error, message, explanation);
}
