using System.Collections.Concurrent;

using CpaasX.Operator.Api;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Operator.Runtime.Client;
using CpaasX.Operator.Runtime.Informers;
using CpaasX.Operator.Runtime.ReconcileLoop;

namespace CpaasX.Operator.Writing;

/// <summary>
/// Applies a compiled namespace, routing first: every object's status, then the routing ConfigMap, then the in-use
/// finalizers (objects in parallel, up to <see cref="MaxConcurrentWrites"/>); only what differs is written. Statuses
/// and the table are what users and workloads wait on; a finalizer that comes a moment later leaves an object no less
/// protected than one just created. A 409 on any write makes the namespace come back
/// (<see cref="ReconcileResult.Requeue"/>) after the other writes were tried; an object deleted meanwhile is skipped;
/// a write the API refuses (400, 422) is that object's problem, reported on it, and the others are written.
/// </summary>
public sealed class NamespaceWriter(CustomObjectWriter objects, RoutingConfigMapPublisher publisher, EventRecorder events, TimeProvider? time = null)
{
    /// <summary>
    /// Objects written at the same time within one namespace: their writes are independent, and a large namespace
    /// (thousands of objects) would otherwise wait on one request at a time. Kept small so that two workers on big
    /// namespaces stay well inside what an API server serves one client.
    /// </summary>
    public const int MaxConcurrentWrites = 8;

    /// <summary>How often a namespace whose ConfigMap name is taken by an unmanaged ConfigMap is looked at again.</summary>
    public static readonly TimeSpan HeldRetryDelay = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(string Kind, ObjectKey Key), string?> _refusedConditions = new();

    /// <param name="observedConfigMaps">The namespace's managed ConfigMaps (metadata) as the informer holds them.</param>
    public async Task<ReconcileResult> ApplyAsync(CompileResult compiled, IReadOnlyList<PartialObjectMetadata> observedConfigMaps, CancellationToken cancellationToken)
    {
        // Decided first: no object claims Ready on a table that cannot be published.
        var publication = await publisher.PrepareAsync(compiled.Namespace, compiled.Table, observedConfigMaps, cancellationToken).ConfigureAwait(false);
        var desired = publication.NotPublishedBecause is { } cause
            ? RoutingNotPublished.Mark(compiled.Objects, cause, (time ?? TimeProvider.System).GetUtcNow())
            : compiled.Objects;
        var outcomes = new ConcurrentQueue<WriteOutcome>();
        var written = new ConcurrentQueue<(CompiledObject Object, string? ResourceVersion)>();
        await ForEachObjectAsync(desired, async (obj, token) =>
        {
            var (outcome, resourceVersion) = await WriteStatusAsync(obj, token).ConfigureAwait(false);
            outcomes.Enqueue(outcome);
            // A refused status leaves the object as observed: its in-use protection is still kept right.
            if (outcome is WriteOutcome.Written or WriteOutcome.Unchanged or WriteOutcome.Rejected)
            {
                written.Enqueue((obj, resourceVersion));
            }
        }, cancellationToken).ConfigureAwait(false);

        await ForEachObjectAsync(compiled.Undecodable, async (undecodable, token) =>
            outcomes.Enqueue(await WriteUndecodableAsync(undecodable, token).ConfigureAwait(false)),
            cancellationToken).ConfigureAwait(false);

        outcomes.Enqueue(await publisher.PublishAsync(compiled.Namespace, publication, observedConfigMaps, cancellationToken).ConfigureAwait(false));

        // On the object as its status write left it: a change by anyone else meanwhile is a conflict, not overwritten.
        await ForEachObjectAsync(written, async (item, token) =>
            outcomes.Enqueue(await objects.WriteFinalizerAsync(item.Object.Object, item.ResourceVersion, item.Object.KeepsFinalizer, token).ConfigureAwait(false)),
            cancellationToken).ConfigureAwait(false);
        return ResultOf(outcomes);
    }

    /// <summary>The namespace holds no CPaaS X object any more: its routing ConfigMap goes.</summary>
    public async Task<ReconcileResult> RemoveAsync(string @namespace, IReadOnlyList<PartialObjectMetadata> observedConfigMaps, CancellationToken cancellationToken) =>
        ResultOf([await publisher.RemoveAsync(@namespace, observedConfigMaps, cancellationToken).ConfigureAwait(false)]);

    private static Task ForEachObjectAsync<T>(IEnumerable<T> items, Func<T, CancellationToken, ValueTask> write, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentWrites, CancellationToken = cancellationToken }, write);

    /// <summary>One object's status, and the event its transition calls for.</summary>
    private async Task<(WriteOutcome Outcome, string? ResourceVersion)> WriteStatusAsync(CompiledObject obj, CancellationToken cancellationToken)
    {
        var (outcome, resourceVersion) = await objects.WriteStatusAsync(obj, cancellationToken).ConfigureAwait(false);

        // Only a status actually written is a transition: a conflict retries, and the event comes with the write that lands.
        if (outcome == WriteOutcome.Written && ReadinessEvents.For(obj) is { } planned)
        {
            await events.RecordAsync(ObjectReferences.ReferenceTo(obj.Object, resourceVersion), planned, cancellationToken).ConfigureAwait(false);
        }

        return (outcome, resourceVersion);
    }

    /// <summary>
    /// The Ready condition of an object that does not decode, and a Warning Event when it is first written or refused. A
    /// condition the API refuses (its schema rejects the stored object as a whole) is not tried again until the object
    /// changes: the Event and the metric already said it.
    /// </summary>
    private async Task<WriteOutcome> WriteUndecodableAsync(CompiledUndecodable compiled, CancellationToken cancellationToken)
    {
        var key = (compiled.Object.Kind, ObjectKey.Of(compiled.Object));
        var resourceVersion = compiled.Object.Metadata.ResourceVersion;
        if (!compiled.IsUnchanged && _refusedConditions.TryGetValue(key, out var refusedAt) && refusedAt == resourceVersion)
        {
            return WriteOutcome.Rejected;
        }

        var outcome = await objects.WriteConditionAsync(compiled, cancellationToken).ConfigureAwait(false);
        if (outcome is WriteOutcome.Written or WriteOutcome.Rejected)
        {
            var planned = new PlannedEvent(PlannedEvent.Warning, ConditionReasons.Undecodable, compiled.Ready.Message);
            await events.RecordAsync(ObjectReferences.ReferenceTo(compiled.Object), planned, cancellationToken).ConfigureAwait(false);
        }

        if (outcome == WriteOutcome.Rejected)
        {
            _refusedConditions[key] = resourceVersion;
        }
        else
        {
            _refusedConditions.TryRemove(key, out _);
        }

        return outcome;
    }

    private static ReconcileResult ResultOf(IReadOnlyCollection<WriteOutcome> outcomes) =>
        outcomes.Contains(WriteOutcome.Conflict) ? ReconcileResult.Requeue
        : outcomes.Contains(WriteOutcome.Held) ? ReconcileResult.RequeueAfter(HeldRetryDelay)
        : ReconcileResult.Done;
}
