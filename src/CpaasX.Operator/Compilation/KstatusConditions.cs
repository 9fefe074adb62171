using System.Collections.Frozen;

using CpaasX.Operator.Api.V1Alpha1;

namespace CpaasX.Operator.Compilation;

/// <summary>
/// The conditions of a desired status as kstatus (what Flux's health checks and <c>kubectl wait</c>-like tools compute)
/// reads them: Ready always; beside it, when not Ready, <c>Stalled=True</c> if the object cannot become Ready without a
/// change by the user (kstatus: Failed, so a Flux Kustomization fails fast) or <c>Reconciling=True</c> if it waits for
/// something still to come, another object or a retry (kstatus: InProgress). Both are present only while True, as
/// Flux's conventions ask. A status of an older generation needs no condition: kstatus compares
/// <c>status.observedGeneration</c> with the object's generation itself.
/// </summary>
internal static class KstatusConditions
{
    /// <summary>
    /// The Ready reasons no retry and no other object can cure. <c>RoutingNotPublished</c> is among them: the table is
    /// too large even sharded, which only splitting the namespace mends.
    /// </summary>
    public static readonly FrozenSet<string> StalledReasons = FrozenSet.Create(
        ConditionReasons.Invalid,
        ConditionReasons.Duplicate,
        ConditionReasons.Conflict,
        ConditionReasons.Incompatible,
        ConditionReasons.DefaultNotAllowedOnSharedNumber,
        ConditionReasons.Undecodable,
        ConditionReasons.RoutingNotPublished);

    /// <param name="previous">The conditions the object has now, if any: their transition times carry over.</param>
    public static Condition[] For(Verdict verdict, IReadOnlyList<Condition?>? previous, long? generation, DateTimeOffset now)
    {
        var ready = ReadyCondition.For(verdict, Find(previous, ConditionTypes.Ready), generation, now);
        if (verdict.IsReady)
        {
            return [ready];
        }

        var type = StalledReasons.Contains(verdict.Reason) ? ConditionTypes.Stalled : ConditionTypes.Reconciling;
        var before = Find(previous, type);
        return
        [
            ready,
            new Condition
            {
                Type = type,
                Status = ConditionStatuses.True,
                ObservedGeneration = generation,
                LastTransitionTime = before?.Status == ConditionStatuses.True ? before.LastTransitionTime : now,
                Reason = ready.Reason,
                Message = ready.Message,
            },
        ];
    }

    private static Condition? Find(IReadOnlyList<Condition?>? conditions, string type) =>
        conditions?.FirstOrDefault(condition => condition?.Type == type);
}
