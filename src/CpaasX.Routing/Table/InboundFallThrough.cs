namespace CpaasX.Routing.Table;

/// <summary>
/// The inbound fall-through of the domain, written once for the table builder and the compiler's status: a configuration
/// with an application or entity routes there; one with neither falls through to the number level of its resource; with
/// nothing set anywhere the route is application <c>default</c>, no entity.
/// </summary>
public static class InboundFallThrough
{
    /// <summary>
    /// The route one level sets: none when it names neither an application nor an entity; application <c>default</c>
    /// when it names only an entity.
    /// </summary>
    public static RouteTarget? LevelRoute(string? applicationId, string? entityId, string source) =>
        applicationId is null && entityId is null ? null : new RouteTarget(applicationId ?? RouteSources.DefaultApplicationId, entityId, source);

    /// <summary>The configuration level takes precedence over the number level, which takes precedence over the default.</summary>
    public static RouteTarget Route(RouteTarget? configurationLevel, RouteTarget? numberLevel) =>
        configurationLevel ?? numberLevel ?? RouteSources.DefaultRoute;
}
