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
        [.. objects.Select(obj => obj.DesiredStatus.FindReady() is { Status: ConditionStatuses.True }
            ? obj with
            {
                DesiredStatus = obj.DesiredStatus with
                {
                    Conditions = KstatusConditions.For(
                        new Verdict(ConditionReasons.RoutingNotPublished, $"Resolved, but not routed: {cause}; workloads keep the last published table."),
                        obj.Object.StatusObject?.Conditions,
                        obj.Object.Metadata?.Generation,
                        now),
                },
            }
            : obj)];
}
