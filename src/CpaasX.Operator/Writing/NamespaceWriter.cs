using CpaasX.Operator.Compilation;
using CpaasX.Operator.Runtime;

using k8s.Models;

namespace CpaasX.Operator.Writing;

/// <summary>
/// Applies a compiled namespace: for each object its status, then its finalizer, then the routing ConfigMap;
/// only what differs is written. A 409 on any write makes the namespace come back (<see cref="ReconcileResult.Requeue"/>)
/// after the other writes were tried; an object deleted meanwhile is skipped.
/// </summary>
public sealed class NamespaceWriter(CustomObjectWriter objects, RoutingConfigMapPublisher publisher, EventRecorder events)
{
    /// <summary>How often a namespace whose ConfigMap name is taken by an unmanaged ConfigMap is looked at again.</summary>
    public static readonly TimeSpan HeldRetryDelay = TimeSpan.FromMinutes(1);

    public async Task<ReconcileResult> ApplyAsync(CompileResult compiled, V1ConfigMap? observedConfigMap, CancellationToken cancellationToken)
    {
        var outcomes = new List<WriteOutcome>();
        foreach (var obj in compiled.Objects)
        {
            var (statusOutcome, current) = await objects.WriteStatusAsync(obj, cancellationToken).ConfigureAwait(false);
            outcomes.Add(statusOutcome);
            if (statusOutcome != WriteOutcome.Written && statusOutcome != WriteOutcome.Unchanged)
            {
                continue;
            }

            // Only a status actually written is a transition: a conflict retries, and the event comes with the write that lands.
            if (statusOutcome == WriteOutcome.Written && ReadinessEvents.For(obj) is { } planned)
            {
                await events.RecordAsync(ObjectReferences.ReferenceTo(current), planned, cancellationToken).ConfigureAwait(false);
            }

            outcomes.Add(await objects.WriteFinalizerAsync(current, obj.KeepsFinalizer, cancellationToken).ConfigureAwait(false));
        }

        outcomes.Add(await publisher.PublishAsync(compiled.Namespace, compiled.Table, observedConfigMap, cancellationToken).ConfigureAwait(false));
        return ResultOf(outcomes);
    }

    /// <summary>The namespace holds no CPaaS X object any more: its routing ConfigMap goes.</summary>
    public async Task<ReconcileResult> RemoveAsync(string @namespace, V1ConfigMap? observedConfigMap, CancellationToken cancellationToken) =>
        ResultOf([await publisher.RemoveAsync(@namespace, observedConfigMap, cancellationToken).ConfigureAwait(false)]);

    private static ReconcileResult ResultOf(IReadOnlyCollection<WriteOutcome> outcomes) =>
        outcomes.Contains(WriteOutcome.Conflict) ? ReconcileResult.Requeue
        : outcomes.Contains(WriteOutcome.Held) ? ReconcileResult.RequeueAfter(HeldRetryDelay)
        : ReconcileResult.Done;
}
