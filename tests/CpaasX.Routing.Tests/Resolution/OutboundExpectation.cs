using CpaasX.Routing.Resolution;

namespace CpaasX.Routing.Tests.Resolution;

/// <summary>The expected outbound answer: a sender value with its level and strategy, or an error.</summary>
internal sealed record OutboundExpectation(string? Sender, RoutingLevel? Level, string? Strategy, UnroutedReason? Error)
{
    public static OutboundExpectation Routed(string sender, RoutingLevel level, string? strategy = null) => new(sender, level, strategy, null);

    public static OutboundExpectation Unrouted(UnroutedReason error) => new(null, null, null, error);
}
