namespace CpaasX.Testing.Platform;

/// <summary>An association as the double's account holds it: the five-field tuple is its identity.</summary>
public sealed record PlatformAssociation(string ResourceType, string Channel, string ApplicationId, string? EntityId, string ResourceId);
