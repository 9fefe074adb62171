namespace CpaasX.Operator.PlatformSync;

/// <summary>What the account holds, as read through the platform's list endpoints.</summary>
public sealed record AccountState(
    IReadOnlyList<PlatformNamed> Applications,
    IReadOnlyList<PlatformNamed> Entities,
    IReadOnlyList<AssociationKey> Associations,
    IReadOnlyList<PlatformStrategy> Strategies)
{
    /// <summary>The account's numbers the namespace declares a number level for (and only those).</summary>
    public IReadOnlyList<PlatformNumber> Numbers { get; init; } = [];

    /// <summary>The inbound configurations of the numbers and channels the namespace declares configurations for or the record holds configurations of.</summary>
    public IReadOnlyList<PlatformInboundConfiguration> InboundConfigurations { get; init; } = [];
}
