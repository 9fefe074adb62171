namespace CpaasX.Operator.PlatformSync;

/// <summary>
/// A number's number-level application and entity (<c>PUT /numbers/1/numbers/{numberKey}</c>): the platform tags an
/// inbound message no inbound configuration tags with these. The sync never buys or releases a number; it only sets
/// these two fields of a number the account holds.
/// </summary>
/// <param name="ApplicationId">The application; <c>default</c> when only an entity is declared (the platform requires one).</param>
/// <param name="EntityId">The entity, or null for none.</param>
public sealed record PlatformNumber(string NumberKey, string ApplicationId, string? EntityId)
{
    public override string ToString() => $"{NumberKey} -> {ApplicationId}/{EntityId ?? "-"}";
}
