namespace CpaasX.Operator.PlatformSync;

/// <summary>One write the plan makes to the account.</summary>
/// <param name="Key">The platform object's identity: an ID, an association's tuple, a strategy's server ID.</param>
/// <param name="Owner">The object declaring it (<c>Kind/name</c>), or the recorded owner of what is deleted.</param>
/// <param name="Desired">The platform object written (<see cref="PlatformNamed"/>, <see cref="AssociationKey"/>, <see cref="PlatformStrategy"/>).</param>
/// <param name="Why">Why, in the plan's words (a cascade the platform will make is said here).</param>
public sealed record PlannedOperation(PlanAction Action, PlatformKind Kind, string Key, string? Owner, object Desired, string Why)
{
    public override string ToString() => $"{Action} {Kind} {Key}{(Owner is null ? "" : $" ({Owner})")}: {Why}";
}
