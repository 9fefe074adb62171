using CpaasX.Operator.Runtime.Client;

using k8s;
using k8s.Models;

using Microsoft.Extensions.Logging;

namespace CpaasX.Operator.Writing;

/// <summary>
/// Creates core/v1 Events on objects, aggregated as client-go's recorder aggregates them: the same event again (same
/// object, type, reason and message) increments the stored Event's <c>count</c> and <c>lastTimestamp</c> instead of
/// creating another one. Events are for people, not for correctness: a failed event is logged and never fails the
/// reconcile that raised it.
/// </summary>
public sealed class EventRecorder(IKubernetes client, string instance, TimeProvider time, ILogger logger)
{
    /// <summary>The component named as the source of every event.</summary>
    public const string Component = "cpaasx-operator";

    private readonly RecordedEvents _recorded = new(RecordedEvents.DefaultCapacity);

    public async Task RecordAsync(V1ObjectReference involved, PlannedEvent planned, CancellationToken cancellationToken)
    {
        var key = RecordedEvents.KeyOf(involved, planned);
        try
        {
            if (_recorded.Repeat(key) is { } repeated && await TryCountAgainAsync(involved, repeated, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            var created = await client.CoreV1.CreateNamespacedEventAsync(NewEvent(involved, planned), involved.NamespaceProperty, cancellationToken: cancellationToken).ConfigureAwait(false);
            _recorded.Remember(key, new RecordedEvent(created.Metadata.Name, 1));
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            _recorded.Forget(key);
            logger.LogWarning(error, "Could not record event {Reason} on {Kind} {Namespace}/{Name}", planned.Reason, involved.Kind, involved.NamespaceProperty, involved.Name);
        }
    }

    /// <summary>Patches the stored Event's count; false when it is gone (expired, deleted), so a new one is created.</summary>
    private async Task<bool> TryCountAgainAsync(V1ObjectReference involved, RecordedEvent repeated, CancellationToken cancellationToken)
    {
        var patch = new V1Patch(
            new { count = repeated.Count, lastTimestamp = time.GetUtcNow().UtcDateTime },
            V1Patch.PatchType.MergePatch);
        try
        {
            await client.CoreV1.PatchNamespacedEventAsync(patch, repeated.Name, involved.NamespaceProperty, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception error) when (ApiErrors.IsNotFound(error))
        {
            return false;
        }
    }

    private Corev1Event NewEvent(V1ObjectReference involved, PlannedEvent planned)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new Corev1Event
        {
            Metadata = new V1ObjectMeta
            {
                // The server appends a unique suffix, as it does for client-go's recorder.
                GenerateName = involved.Name + ".",
                NamespaceProperty = involved.NamespaceProperty,
            },
            InvolvedObject = involved,
            Type = planned.Type,
            Reason = planned.Reason,
            Message = planned.Message,
            Source = new V1EventSource { Component = Component },
            ReportingComponent = Component,
            ReportingInstance = instance,
            FirstTimestamp = now,
            LastTimestamp = now,
            Count = 1,
        };
    }
}
