using CpaasX.Routing.Model;

namespace CpaasX.Routing.Table;

/// <summary>
/// Where inbound traffic to one resource value on one channel goes: keyword routes (keywords upper-case, matched
/// case-insensitively) and the default route. The default route is null on a shared number, which carries keywords only.
/// A VOICE entry exists only for a number with a VOICE association.
/// </summary>
public sealed record InboundRoute(
    string Resource,
    string Value,
    Channel Channel,
    RouteTarget? DefaultRoute,
    IReadOnlyList<KeywordRoute> KeywordRoutes);
