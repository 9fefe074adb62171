namespace CpaasX.Testing.Platform;

/// <summary>
/// An inbound message configuration as the double's account holds it: the platform's key, the number it belongs to
/// (which the API's answers do not echo) and the fields the sync manages.
/// </summary>
public sealed record AccountInboundConfiguration(string ConfigurationKey, string NumberKey, string Channel, string? Keyword, string? ApplicationId, string? EntityId);
