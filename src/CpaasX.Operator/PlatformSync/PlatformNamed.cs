namespace CpaasX.Operator.PlatformSync;

/// <summary>An application or entity on the platform: the client-chosen ID and the optional display name.</summary>
public sealed record PlatformNamed(string Id, string? Name);
