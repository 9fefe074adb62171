using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;

namespace CpaasX.Operator.Writing;

/// <summary>
/// The event a status change is worth, from the observed and the desired Ready condition only, so each
/// transition is reported once: became Ready (Normal), deletion blocked because the object is in use (Warning
/// InUse), lost Ready (Warning with the condition's reason). An object's first status raises no Ready event:
/// applying thousands of objects would otherwise record one event each, doubling the writes of an install for no
/// news (the status itself says it). Anything else (a new message, one not-Ready reason after another) raises none.
/// </summary>
public static class ReadinessEvents
{
    public const string BecameReadyReason = "Ready";

    public static PlannedEvent? For(CompiledObject compiled)
    {
        var observed = compiled.Object.StatusObject?.FindReady();
        var desired = compiled.DesiredStatus.FindReady();
        if (desired is null)
        {
            return null;
        }

        var wasReady = observed?.Status == ConditionStatuses.True;
        if (desired.Status == ConditionStatuses.True)
        {
            return observed is null || wasReady ? null : new PlannedEvent(PlannedEvent.Normal, BecameReadyReason, desired.Message);
        }

        if (desired.Reason == ConditionReasons.InUse && observed?.Reason != ConditionReasons.InUse)
        {
            return new PlannedEvent(PlannedEvent.Warning, ConditionReasons.InUse, desired.Message);
        }

        return wasReady ? new PlannedEvent(PlannedEvent.Warning, desired.Reason, desired.Message) : null;
    }
}
