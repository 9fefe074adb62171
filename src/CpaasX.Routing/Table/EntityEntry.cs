namespace CpaasX.Routing.Table;

/// <summary>A Ready Entity of the namespace; <paramref name="Source"/> names the object, e.g. <c>Entity/acme</c>.</summary>
public sealed record EntityEntry(string EntityId, string? EntityName, string Source);
