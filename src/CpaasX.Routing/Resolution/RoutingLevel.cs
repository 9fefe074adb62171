namespace CpaasX.Routing.Resolution;

/// <summary>Where an outbound sender came from: the request itself, or the pool level that had associations.</summary>
public enum RoutingLevel
{
    Explicit,
    Pair,
    Application,
    Entity,
}
