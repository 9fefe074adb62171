using k8s;
using k8s.Models;

using Microsoft.Extensions.Logging;

namespace CpaasX.Operator.Writing;

/// <summary>
/// Creates core/v1 Events on objects. Events are for people, not for correctness: a failed event is logged
/// and never fails the reconcile that raised it.
/// </summary>
public sealed class EventRecorder(IKubernetes client, string instance, TimeProvider time, ILogger logger)
{
    /// <summary>The component named as the source of every event.</summary>
    public const string Component = "cpaasx-operator";

    public async Task RecordAsync(V1ObjectReference involved, PlannedEvent planned, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var body = new Corev1Event
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
        try
        {
            await client.CoreV1.CreateNamespacedEventAsync(body, involved.NamespaceProperty, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning(error, "Could not record event {Reason} on {Kind} {Namespace}/{Name}", planned.Reason, involved.Kind, involved.NamespaceProperty, involved.Name);
        }
    }
}
