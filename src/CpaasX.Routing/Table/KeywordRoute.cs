namespace CpaasX.Routing.Table;

/// <summary>The route of messages whose first word is <paramref name="Keyword"/> (stored upper-case).</summary>
public sealed record KeywordRoute(string Keyword, RouteTarget Route);
