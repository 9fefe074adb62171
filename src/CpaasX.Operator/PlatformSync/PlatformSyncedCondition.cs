using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;

namespace CpaasX.Operator.PlatformSync;

/// <summary>
/// Folds the last sync pass's verdicts (<see cref="PlatformSyncResults"/>) into a compiled namespace's desired
/// statuses, as the <c>PlatformSynced</c> condition after Ready (and Stalled or Reconciling): the namespace
/// controller is its only writer, in the same status write as Ready. It is informational by rule: Ready, Stalled and
/// Reconciling are computed without it and left as they are, so a plan not yet applied, an unreachable platform or a
/// field with no platform API never makes an object not Ready for Flux, Argo CD or <c>kubectl wait</c>. Without
/// verdicts (the namespace is not bound) no object has the condition.
/// </summary>
public static class PlatformSyncedCondition
{
    public static CompileResult Fold(CompileResult compiled, IReadOnlyDictionary<string, ObjectSyncState>? states, DateTimeOffset now) =>
        compiled with { Objects = [.. compiled.Objects.Select(item => Fold(item, states, now))] };

    private static CompiledObject Fold(CompiledObject item, IReadOnlyDictionary<string, ObjectSyncState>? states, DateTimeOffset now)
    {
        var state = states?.GetValueOrDefault(DeclaredAccount.Owner(item.Object));
        var conditions = item.DesiredStatus.Conditions;
        var current = conditions?.FirstOrDefault(condition => condition?.Type == ConditionTypes.PlatformSynced);

        // An object about to disappear keeps its observed status, unless a verdict (a delete its finalizer waits for) says more.
        if ((state is null && current is null) || (state is null && item.Object.Metadata.DeletionTimestamp is not null))
        {
            return item;
        }

        List<Condition> folded = [.. (conditions ?? []).Where(condition => condition?.Type != ConditionTypes.PlatformSynced)];
        if (state is not null)
        {
            var before = item.Object.StatusObject?.Conditions?.FirstOrDefault(condition => condition?.Type == ConditionTypes.PlatformSynced);
            var status = state.Synced ? ConditionStatuses.True : ConditionStatuses.False;
            folded.Add(new Condition
            {
                Type = ConditionTypes.PlatformSynced,
                Status = status,
                ObservedGeneration = state.Generation,
                LastTransitionTime = before?.Status == status ? before.LastTransitionTime : now,
                Reason = state.Reason,
                Message = StatusCaps.Message(state.Message),
            });
        }

        return item with { DesiredStatus = item.DesiredStatus with { Conditions = folded } };
    }
}
