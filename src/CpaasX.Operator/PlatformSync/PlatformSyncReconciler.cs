using System.Collections.Concurrent;

using CpaasX.Operator.Compilation;
using CpaasX.Operator.Observability;
using CpaasX.Operator.Reconciliation;
using CpaasX.Operator.Runtime.ReconcileLoop;
using CpaasX.Operator.Writing;

using k8s;
using k8s.Models;

using Microsoft.Extensions.Logging;

namespace CpaasX.Operator.PlatformSync;

/// <summary>
/// One sync pass of one namespace, beside the namespace controller and never in its way: the routing reconcile only
/// enqueues the namespace here. A namespace with no <c>cpaasx-platform</c> Secret costs one read of that Secret by
/// name per <paramref name="interval"/> (the answer is remembered that long, however often the namespace is
/// reconciled) and changes nothing. A bound one is planned (plan mode) or planned and applied (apply mode) from the
/// informers' view of the namespace, and comes back every <paramref name="interval"/>, which is how edits of the
/// Secret or the annotations (neither is watched) are noticed. What a pass did goes to an Event on the Secret and to
/// the metrics, and each object's verdict to <paramref name="results"/>, which the namespace controller writes as the
/// object's <c>PlatformSynced</c> condition; the API key never leaves the <see cref="PlatformClient"/>'s Authorization
/// header.
/// </summary>
public sealed class PlatformSyncReconciler(
    IKubernetes client,
    ClusterInformers informers,
    EventRecorder events,
    OperatorMetrics metrics,
    PlatformSyncResults results,
    PlatformSyncFinalizer finalizer,
    TimeSpan interval,
    PlatformClientOptions clientOptions,
    TimeProvider time,
    ILogger logger) : IReconciler<string>
{
    public const string PlannedReason = "PlatformSyncPlanned";
    public const string AppliedReason = "PlatformSyncApplied";
    public const string FailedReason = "PlatformSyncFailed";

    private readonly ConcurrentDictionary<string, DateTimeOffset> _unboundUntil = new(StringComparer.Ordinal);

    public async Task<ReconcileResult> ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        // Still known unbound: keep the timer's next check (a timer may fire a hair before the remembered instant).
        if (_unboundUntil.TryGetValue(key, out var until) && until - time.GetUtcNow() is { Ticks: > 0 } remaining)
        {
            return await ReleaseAllAsync(key, cancellationToken) ? ReconcileResult.RequeueAfter(remaining) : ReconcileResult.Requeue;
        }

        (var settings, var problem) = await PlatformSyncSettings.ReadAsync(client, key, cancellationToken);
        if (settings is null && problem is null)
        {
            _unboundUntil[key] = time.GetUtcNow() + interval;
            metrics.PlatformSyncPending.RemoveLabelled(key);
            metrics.PlatformSyncLastSuccess.RemoveLabelled(key);
            results.Clear(key);
            return await ReleaseAllAsync(key, cancellationToken) ? ReconcileResult.RequeueAfter(interval) : ReconcileResult.Requeue;
        }

        _unboundUntil.TryRemove(key, out _);
        if (settings is null)
        {
            results.Set(key, ObjectSyncStates.All(Compile(key), PlatformSyncedReasons.BindingInvalid, problem!));
            await RecordAsync(key, PlannedEvent.Warning, FailedReason, problem!, cancellationToken);
            return await ReleaseAllAsync(key, cancellationToken) ? ReconcileResult.RequeueAfter(interval) : ReconcileResult.Requeue;
        }

        // Plan mode never blocks a deletion, whatever the platform answers.
        var current = settings.Mode == PlatformSyncMode.Apply || await ReleaseAllAsync(key, cancellationToken);
        current &= await SyncAsync(key, settings, cancellationToken);
        return current ? ReconcileResult.RequeueAfter(interval) : ReconcileResult.Requeue;
    }

    /// <returns>False when a finalizer write met a newer object: the namespace is synced again soon.</returns>
    private async Task<bool> SyncAsync(string key, PlatformSyncSettings settings, CancellationToken cancellationToken)
    {
        var compiled = Compile(key);
        var declared = DeclaredAccount.From(compiled);
        using PlatformClient platform = new(settings.Binding, clientOptions);
        try
        {
            var stored = await StoredSyncRecord.LoadAsync(client, key, cancellationToken);
            var record = stored.Record;
            var plan = SyncPlanner.Plan(declared, await platform.ReadAccountAsync(declared, record, cancellationToken), record, settings.Prune);
            results.Set(key, ObjectSyncStates.Of(compiled, declared, plan, settings.Mode, null));
            await stored.SavePlanAsync(PlanMarkdown.Of(plan, settings.Mode), cancellationToken);
            if (settings.Mode == PlatformSyncMode.Plan || plan.IsEmpty)
            {
                Succeeded(key, plan.Operations.Count);
                await RecordAsync(key, PlannedEvent.Normal, PlannedReason, $"{settings.Mode.ToString().ToLowerInvariant()} mode: {plan.Summary()}", cancellationToken);
                return settings.Mode == PlatformSyncMode.Plan || await finalizer.WriteAsync(informers.Snapshot(key).All, PlatformSyncFinalizer.Wanted(record, []), cancellationToken);
            }

            // The finalizer goes on before the platform holds anything an object's deletion must clean up.
            metrics.PlatformSyncPending.WithLabels(key).Set(plan.Operations.Count);
            var current = await finalizer.WriteAsync(
                informers.Snapshot(key).All,
                PlatformSyncFinalizer.Wanted(record, plan.Operations.Select(operation => operation.Owner).Concat(plan.Adoptions.Select(adoption => adoption.Owner))),
                cancellationToken);
            var report = await PlanApplier.ApplyAsync(plan, platform, record, stored.SaveAsync, cancellationToken);
            results.Set(key, ObjectSyncStates.Of(compiled, declared, plan, settings.Mode, report));
            current &= await finalizer.WriteAsync(
                informers.Snapshot(key).All,
                PlatformSyncFinalizer.Wanted(record, plan.Operations.Except(report.Done).Select(operation => operation.Owner)),
                cancellationToken);
            if (report.Failed is ({ } operation, { } error))
            {
                metrics.PlatformSyncPending.WithLabels(key).Set(report.Pending);
                await FailedAsync(key, error, $"{report.Done.Count} of {plan.Operations.Count} done; stopped at {operation.Action} {operation.Kind} {operation.Key}: ", cancellationToken);
                return current;
            }

            Succeeded(key, 0);
            await RecordAsync(key, PlannedEvent.Normal, AppliedReason, $"applied {report.Done.Count} operation(s) of the plan: {plan.Summary()}", cancellationToken);
            return current;
        }
        catch (PlatformApiException error)
        {
            results.Set(key, ObjectSyncStates.All(compiled, PlatformSyncedReasons.SyncFailed, $"the account could not be read: {error.Message}"));
            await FailedAsync(key, error, "reading the account failed: ", cancellationToken);
            return true;
        }
        catch (SyncRecordException error)
        {
            results.Set(key, ObjectSyncStates.All(compiled, PlatformSyncedReasons.SyncFailed, error.Message));
            await RecordAsync(key, PlannedEvent.Warning, FailedReason, error.Message, cancellationToken);
            return true;
        }
    }

    /// <summary>Takes the sync's finalizer off every object of a namespace that is not (or no longer) applied.</summary>
    private Task<bool> ReleaseAllAsync(string key, CancellationToken cancellationToken) =>
        finalizer.WriteAsync(informers.Snapshot(key).All, new HashSet<string>(), cancellationToken);

    private CompileResult Compile(string key) => NamespaceCompiler.Compile(informers.Snapshot(key), informers.ResourceValues, time.GetUtcNow());

    private void Succeeded(string key, int pending)
    {
        metrics.PlatformSyncPending.WithLabels(key).Set(pending);
        metrics.PlatformSyncLastSuccess.WithLabels(key).Set(time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0);
    }

    /// <summary>The platform's answer is quoted (it never echoes the key, which travels only in a request header).</summary>
    private Task FailedAsync(string key, PlatformApiException error, string context, CancellationToken cancellationToken)
    {
        metrics.PlatformSyncErrors.WithLabels(error.Endpoint).Inc();
        var advice = error.IsAccessDenied ? "; the key in Secret cpaasx-platform is refused, nothing else is affected" : "; the next pass retries";
        return RecordAsync(key, PlannedEvent.Warning, FailedReason, context + error.Message + advice, cancellationToken);
    }

    private Task RecordAsync(string key, string type, string reason, string message, CancellationToken cancellationToken)
    {
        logger.LogInformation("Platform sync of {Namespace}: {Reason} {Message}", key, reason, message);
        return events.RecordAsync(
            new V1ObjectReference { ApiVersion = "v1", Kind = V1Secret.KubeKind, Name = PlatformSyncSettings.SecretName, NamespaceProperty = key },
            new PlannedEvent(type, reason, message),
            cancellationToken);
    }
}
