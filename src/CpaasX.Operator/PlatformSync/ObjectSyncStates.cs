using CpaasX.Operator.Compilation;

namespace CpaasX.Operator.PlatformSync;

/// <summary>
/// Turns a pass's plan (and, in apply mode, how far the apply got) into a verdict per object of the namespace, the
/// rules of docs/platform-sync.md, "The PlatformSynced condition": an object with writes still to make is False
/// (PlanPending, ApplyPending or ApplyFailed, naming the writes); one with nothing the platform can hold is False
/// (NoPlatformApi, NotSynced); one not Ready is False (NotReady); any other is True. An object being deleted has a
/// verdict only while writes for it remain (the deletes its finalizer waits for).
/// </summary>
public static class ObjectSyncStates
{
    /// <summary>How many writes a message names; the rest are counted.</summary>
    private const int MaxListed = 3;

    /// <param name="report">How far the apply got; null in plan mode and before an apply starts.</param>
    public static IReadOnlyDictionary<string, ObjectSyncState> Of(
        CompileResult compiled, DeclaredAccount declared, SyncPlan plan, PlatformSyncMode mode, ApplyReport? report)
    {
        HashSet<PlannedOperation> done = report is null ? [] : [.. report.Done];
        var pending = plan.Operations.Where(operation => !done.Contains(operation)).ToLookup(operation => operation.Owner);
        var planned = plan.Operations.Select(operation => operation.Owner).ToHashSet(StringComparer.Ordinal);
        Dictionary<string, string> notSynced = [];
        foreach ((var owner, var reason) in declared.NotSynced)
        {
            notSynced.TryAdd(owner, reason);
        }

        Dictionary<string, ObjectSyncState> states = new(StringComparer.Ordinal);
        foreach (var item in compiled.Objects)
        {
            var owner = DeclaredAccount.Owner(item.Object);
            var generation = item.Object.Metadata.Generation;
            List<PlannedOperation> writes = [.. pending[owner]];
            if (writes.Count > 0)
            {
                states[owner] = Pending(writes, mode, report, generation);
            }
            else if (item.Object.Metadata.DeletionTimestamp is not null)
            {
                continue;
            }
            else if (notSynced.TryGetValue(owner, out var reason))
            {
                states[owner] = new(false, reason.StartsWith(PlatformMapping.NoPlatformApi, StringComparison.Ordinal)
                    ? PlatformSyncedReasons.NoPlatformApi : PlatformSyncedReasons.NotSynced, reason, generation);
            }
            else if (!declared.ReadyOwners.Contains(owner))
            {
                states[owner] = new(false, PlatformSyncedReasons.NotReady, "not Ready: only Ready objects change the account, which is left as it is", generation);
            }
            else
            {
                states[owner] = new(true, PlatformSyncedReasons.Synced,
                    planned.Contains(owner) ? "applied; the account holds what it declares" : "the account holds what it declares",
                    generation);
            }
        }

        return states;
    }

    /// <summary>Every object of the namespace False with one reason: the pass learnt nothing of any of them.</summary>
    public static IReadOnlyDictionary<string, ObjectSyncState> All(CompileResult compiled, string reason, string message) =>
        compiled.Objects
            .Where(item => item.Object.Metadata.DeletionTimestamp is null)
            .ToDictionary(item => DeclaredAccount.Owner(item.Object), item => new ObjectSyncState(false, reason, message, item.Object.Metadata.Generation), StringComparer.Ordinal);

    private static ObjectSyncState Pending(List<PlannedOperation> writes, PlatformSyncMode mode, ApplyReport? report, long? generation)
    {
        var listed = string.Join("; ", writes.Take(MaxListed).Select(Describe))
            + (writes.Count > MaxListed ? $"; and {writes.Count - MaxListed} more" : "");
        if (report?.Failed is ({ } failed, { } error) && writes.Contains(failed))
        {
            return new(false, PlatformSyncedReasons.ApplyFailed, $"{Describe(failed)} failed: {error.Message}; the next pass retries", generation);
        }

        return mode == PlatformSyncMode.Plan
            ? new(false, PlatformSyncedReasons.PlanPending, $"plan mode, not applied: {listed}", generation)
            : report is null
                ? new(false, PlatformSyncedReasons.ApplyPending, $"being applied: {listed}", generation)
                : new(false, PlatformSyncedReasons.ApplyPending, $"not applied yet (the pass stopped at an earlier write): {listed}", generation);
    }

    private static string Describe(PlannedOperation operation) => $"{operation.Action.ToString().ToLowerInvariant()} {operation.Kind} {operation.Key} ({operation.Why})";
}
