using CpaasX.Operator.Api.V1Alpha1;

namespace CpaasX.Operator.Compilation;

/// <summary>The Ready condition of a desired status, carrying lastTransitionTime over while its status does not flip.</summary>
internal static class ReadyCondition
{
    /// <param name="previous">The Ready condition the object has now, if any.</param>
    public static Condition For(Verdict verdict, Condition? previous, long? generation, DateTimeOffset now)
    {
        var status = verdict.IsReady ? ConditionStatuses.True : ConditionStatuses.False;
        return new Condition
        {
            Type = ConditionTypes.Ready,
            Status = status,
            ObservedGeneration = generation,
            LastTransitionTime = previous?.Status == status ? previous.LastTransitionTime : now,
            Reason = verdict.Reason,
            Message = StatusCaps.Message(verdict.Message),
        };
    }
}
