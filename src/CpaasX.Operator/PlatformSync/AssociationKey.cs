namespace CpaasX.Operator.PlatformSync;

/// <summary>
/// A resource association on the platform. It has no server ID: the five-field tuple is its identity (the platform's
/// GET /associations/single and DELETE take exactly this tuple).
/// </summary>
public sealed record AssociationKey(string ResourceType, string Channel, string ApplicationId, string? EntityId, string ResourceId)
{
    public override string ToString() => $"{ResourceType} {ResourceId} {Channel} -> {ApplicationId}/{EntityId ?? "-"}";
}
