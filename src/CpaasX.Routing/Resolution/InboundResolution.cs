using CpaasX.Routing.Table;

namespace CpaasX.Routing.Resolution;

/// <summary>
/// The answer to an inbound request: the <see cref="Route"/> (with the keyword that selected it, if any), or the
/// <see cref="Error"/> that explains why there is none. Either way <see cref="Explanation"/> lists the steps taken.
/// </summary>
public sealed record InboundResolution(
    RouteTarget? Route,
    string? Keyword,
    UnroutedReason? Error,
    string? Message,
    IReadOnlyList<string> Explanation)
{
    public bool IsRouted => Route is not null;

    public static InboundResolution Routed(RouteTarget route, string? keyword, IReadOnlyList<string> explanation) =>
        new(route, keyword, null, null, explanation);

    public static InboundResolution Unrouted(UnroutedReason error, string message, IReadOnlyList<string> explanation) =>
        new(null, null, error, message, explanation);
}
