namespace CpaasX.Operator.PlatformSync;

/// <summary>
/// The difference between what a namespace declares and what the account holds, as the writes that remove it, in the
/// order they are made, plus what is only reported.
/// </summary>
/// <param name="Operations">The writes, most important first (see <see cref="SyncPlanner"/>).</param>
/// <param name="Adoptions">Declared objects the account already holds as declared, not yet in the record.</param>
/// <param name="Reported">Account objects the plan leaves alone, with why (not in Git, prune off, object not Ready).</param>
/// <param name="NotSynced">Declared objects with no platform counterpart, with why.</param>
/// <param name="InSync">How many declared objects already match.</param>
/// <param name="StrategyIds">The platform's sendingStrategyId of each SenderStrategy that already matches, by owner.</param>
public sealed record SyncPlan(
    IReadOnlyList<PlannedOperation> Operations,
    IReadOnlyList<(PlatformKind Kind, string Key, string Owner, InboundListing? Listing)> Adoptions,
    IReadOnlyList<string> Reported,
    IReadOnlyList<(string Owner, string Reason)> NotSynced,
    int InSync,
    IReadOnlyDictionary<string, string> StrategyIds)
{
    /// <summary>The platform's configurationKey of each InboundConfiguration that already matches, by owner.</summary>
    public IReadOnlyDictionary<string, string> ConfigurationKeys { get; init; } = new Dictionary<string, string>();

    public bool IsEmpty => Operations.Count == 0;

    /// <summary>One line for an Event or a condition message.</summary>
    public string Summary()
    {
        int Count(PlanAction action) => Operations.Count(operation => operation.Action == action);
        return $"{Count(PlanAction.Create)} to create, {Count(PlanAction.Update)} to update, {Count(PlanAction.Delete)} to delete, "
            + $"{InSync} in sync, {Reported.Count} left alone, {NotSynced.Count} not synced";
    }
}
