using System.Collections.Concurrent;

using CpaasX.Operator.Compilation;
using CpaasX.Operator.Runtime;

using k8s.Models;

namespace CpaasX.Operator.Writing;

/// <summary>
/// Applies a compiled namespace: for each object its status, then its finalizer (objects in parallel, up to
/// <see cref="MaxConcurrentWrites"/>), then the routing ConfigMap; only what differs is written. A 409 on any write makes the namespace come back (<see cref="ReconcileResult.Requeue"/>)
/// after the other writes were tried; an object deleted meanwhile is skipped.
/// </summary>
public sealed class NamespaceWriter(CustomObjectWriter objects, RoutingConfigMapPublisher publisher, EventRecorder events)
{
    /// <summary>
    /// Objects written at the same time within one namespace: their writes are independent, and a large namespace
    /// (thousands of objects) would otherwise wait on one request at a time. Kept small so that two workers on big
    /// namespaces stay well inside what an API server serves one client.
    /// </summary>
    public const int MaxConcurrentWrites = 8;

    /// <summary>How often a namespace whose ConfigMap name is taken by an unmanaged ConfigMap is looked at again.</summary>
    public static readonly TimeSpan HeldRetryDelay = TimeSpan.FromMinutes(1);

    public async Task<ReconcileResult> ApplyAsync(CompileResult compiled, V1ConfigMap? observedConfigMap, CancellationToken cancellationToken)
    {
        var outcomes = new ConcurrentQueue<WriteOutcome>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentWrites, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(compiled.Objects, parallel, async (obj, token) =>
        {
            foreach (var outcome in await ApplyObjectAsync(obj, token).ConfigureAwait(false))
            {
                outcomes.Enqueue(outcome);
            }
        }).ConfigureAwait(false);

        outcomes.Enqueue(await publisher.PublishAsync(compiled.Namespace, compiled.Table, observedConfigMap, cancellationToken).ConfigureAwait(false));
        return ResultOf(outcomes);
    }

    /// <summary>The namespace holds no CPaaS X object any more: its routing ConfigMap goes.</summary>
    public async Task<ReconcileResult> RemoveAsync(string @namespace, V1ConfigMap? observedConfigMap, CancellationToken cancellationToken) =>
        ResultOf([await publisher.RemoveAsync(@namespace, observedConfigMap, cancellationToken).ConfigureAwait(false)]);

    /// <summary>One object's status, then (on the object as that write left it) its finalizer.</summary>
    private async Task<IReadOnlyList<WriteOutcome>> ApplyObjectAsync(CompiledObject obj, CancellationToken cancellationToken)
    {
        var (statusOutcome, current) = await objects.WriteStatusAsync(obj, cancellationToken).ConfigureAwait(false);
        if (statusOutcome != WriteOutcome.Written && statusOutcome != WriteOutcome.Unchanged)
        {
            return [statusOutcome];
        }

        // Only a status actually written is a transition: a conflict retries, and the event comes with the write that lands.
        if (statusOutcome == WriteOutcome.Written && ReadinessEvents.For(obj) is { } planned)
        {
            await events.RecordAsync(ObjectReferences.ReferenceTo(current), planned, cancellationToken).ConfigureAwait(false);
        }

        return [statusOutcome, await objects.WriteFinalizerAsync(current, obj.KeepsFinalizer, cancellationToken).ConfigureAwait(false)];
    }

    private static ReconcileResult ResultOf(IReadOnlyCollection<WriteOutcome> outcomes) =>
        outcomes.Contains(WriteOutcome.Conflict) ? ReconcileResult.Requeue
        : outcomes.Contains(WriteOutcome.Held) ? ReconcileResult.RequeueAfter(HeldRetryDelay)
        : ReconcileResult.Done;
}
