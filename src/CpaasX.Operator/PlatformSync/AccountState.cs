namespace CpaasX.Operator.PlatformSync;

/// <summary>What the account holds, as read through the platform's list endpoints.</summary>
public sealed record AccountState(
    IReadOnlyList<PlatformNamed> Applications,
    IReadOnlyList<PlatformNamed> Entities,
    IReadOnlyList<AssociationKey> Associations,
    IReadOnlyList<PlatformStrategy> Strategies);
