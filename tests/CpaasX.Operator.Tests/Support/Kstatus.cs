using CpaasX.Operator.Api.V1Alpha1;

namespace CpaasX.Operator.Tests.Support;

/// <summary>
/// kstatus' <c>Compute</c> for a custom resource, as sigs.k8s.io/cli-utils/pkg/kstatus/status (status.go, generic.go)
/// writes it, which is what Flux's health checks and fail-fast wait read:
/// <list type="number">
/// <item>metadata.deletionTimestamp set: Terminating;</item>
/// <item>metadata.generation and status.observedGeneration both present and different: InProgress;</item>
/// <item>walking status.conditions in order, the first Reconciling=True: InProgress; the first Stalled=True: Failed;</item>
/// <item>Ready=True: Current; Ready=False or Unknown: InProgress;</item>
/// <item>otherwise Current.</item>
/// </list>
/// </summary>
internal static class Kstatus
{
    public const string Current = "Current";
    public const string InProgress = "InProgress";
    public const string Failed = "Failed";
    public const string Terminating = "Terminating";

    public static string Compute(V1ObjectMetaLike metadata, CustomResourceStatus? status)
    {
        if (metadata.Deleting)
        {
            return Terminating;
        }

        if (metadata.Generation is { } generation && status?.ObservedGeneration is { } observed && generation != observed)
        {
            return InProgress;
        }

        foreach (var condition in status?.Conditions ?? [])
        {
            if (condition.Type == ConditionTypes.Reconciling && condition.Status == ConditionStatuses.True)
            {
                return InProgress;
            }

            if (condition.Type == ConditionTypes.Stalled && condition.Status == ConditionStatuses.True)
            {
                return Failed;
            }
        }

        return status?.FindReady() is { } ready && ready.Status != ConditionStatuses.True ? InProgress : Current;
    }

    /// <summary>The two metadata fields kstatus reads.</summary>
    internal sealed record V1ObjectMetaLike(long? Generation, bool Deleting)
    {
        public static V1ObjectMetaLike Of(ICustomResource item) => new(item.Metadata.Generation, item.Metadata.DeletionTimestamp is not null);
    }
}
