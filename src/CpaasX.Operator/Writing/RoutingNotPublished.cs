using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;

namespace CpaasX.Operator.Writing;

/// <summary>
/// Objects never claim what is not published: when a namespace's table cannot be published at all, every object
/// compile found Ready says instead <c>Ready=False</c>, reason <see cref="ConditionReasons.RoutingNotPublished"/>,
/// with the cause. Objects not Ready keep their own reason, which is what their owner must fix first.
/// </summary>
internal static class RoutingNotPublished
{
    public static IReadOnlyList<CompiledObject> Mark(IReadOnlyList<CompiledObject> objects, string cause, DateTimeOffset now) =>
        [.. objects.Select(obj => obj.DesiredStatus.FindReady() is { Status: ConditionStatuses.True } ready
            ? obj with
            {
                DesiredStatus = obj.DesiredStatus with
                {
                    Conditions = [.. obj.DesiredStatus.Conditions!.Select(condition => ReferenceEquals(condition, ready) ? NotPublished(obj, ready, cause, now) : condition)],
                },
            }
            : obj)];

    private static Condition NotPublished(CompiledObject obj, Condition ready, string cause, DateTimeOffset now) => ready with
    {
        Status = ConditionStatuses.False,
        Reason = ConditionReasons.RoutingNotPublished,
        Message = $"Resolved, but not routed: {cause}; workloads keep the last published table.",
        LastTransitionTime = obj.Object.StatusObject?.FindReady() is { Status: ConditionStatuses.False } observed ? observed.LastTransitionTime : now,
    };
}
