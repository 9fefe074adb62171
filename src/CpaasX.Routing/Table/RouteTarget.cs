namespace CpaasX.Routing.Table;

/// <summary>
/// The application and entity that receive inbound traffic, and the object the route came from:
/// <c>InboundConfiguration/name</c>, <c>Resource/name</c> (number level), <c>ResourceAssociation/name</c> (voice) or
/// <c>Default</c>.
/// </summary>
public sealed record RouteTarget(string ApplicationId, string? EntityId, string Source);
