using System.Collections.Concurrent;

using CpaasX.Operator.Compilation;
using CpaasX.Operator.Observability;
using CpaasX.Operator.Reconciliation;
using CpaasX.Operator.Runtime;
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
/// the metrics; the API key never leaves the <see cref="PlatformClient"/>'s Authorization header.
/// </summary>
public sealed class PlatformSyncReconciler(
    IKubernetes client,
    ClusterInformers informers,
    EventRecorder events,
    OperatorMetrics metrics,
    TimeSpan interval,
    PlatformClientOptions clientOptions,
    TimeProvider time,
    ILogger logger) : IReconciler<string>
{
    public const string PlannedReason = "PlatformSyncPlanned";
    public const string AppliedReason = "PlatformSyncApplied";
    public const string FailedReason = "PlatformSyncFailed";

    private readonly ConcurrentDictionary<string, SyncRecord> _records = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _unboundUntil = new(StringComparer.Ordinal);

    public async Task<ReconcileResult> ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        // Still known unbound: keep the timer's next check (a timer may fire a hair before the remembered instant).
        if (_unboundUntil.TryGetValue(key, out DateTimeOffset until) && until - time.GetUtcNow() is { Ticks: > 0 } remaining)
        {
            return ReconcileResult.RequeueAfter(remaining);
        }

        (PlatformSyncSettings? settings, string? problem) = await PlatformSyncSettings.ReadAsync(client, key, cancellationToken);
        if (settings is null && problem is null)
        {
            _unboundUntil[key] = time.GetUtcNow() + interval;
            metrics.PlatformSyncPending.RemoveLabelled(key);
            metrics.PlatformSyncLastSuccess.RemoveLabelled(key);
            return ReconcileResult.RequeueAfter(interval);
        }

        _unboundUntil.TryRemove(key, out _);
        if (settings is null)
        {
            await RecordAsync(key, PlannedEvent.Warning, FailedReason, problem!, cancellationToken);
            return ReconcileResult.RequeueAfter(interval);
        }

        await SyncAsync(key, settings, cancellationToken);
        return ReconcileResult.RequeueAfter(interval);
    }

    private async Task SyncAsync(string key, PlatformSyncSettings settings, CancellationToken cancellationToken)
    {
        CompileResult compiled = NamespaceCompiler.Compile(informers.Snapshot(key), informers.ResourceValues, time.GetUtcNow());
        SyncRecord record = _records.GetOrAdd(key, _ => new SyncRecord());
        using PlatformClient platform = new(settings.Binding, clientOptions);
        try
        {
            DeclaredAccount declared = DeclaredAccount.From(compiled);
            SyncPlan plan = SyncPlanner.Plan(declared, await platform.ReadAccountAsync(declared, cancellationToken), record, settings.Prune);
            if (settings.Mode == PlatformSyncMode.Plan || plan.IsEmpty)
            {
                Succeeded(key, plan.Operations.Count);
                await RecordAsync(key, PlannedEvent.Normal, PlannedReason, $"{settings.Mode.ToString().ToLowerInvariant()} mode: {plan.Summary()}", cancellationToken);
                return;
            }

            metrics.PlatformSyncPending.WithLabels(key).Set(plan.Operations.Count);
            ApplyReport report = await PlanApplier.ApplyAsync(plan, platform, record, cancellationToken);
            if (report.Failed is ({ } operation, { } error))
            {
                metrics.PlatformSyncPending.WithLabels(key).Set(report.Pending);
                await FailedAsync(key, error, $"{report.Done.Count} of {plan.Operations.Count} done; stopped at {operation.Action} {operation.Kind} {operation.Key}: ", cancellationToken);
                return;
            }

            Succeeded(key, 0);
            await RecordAsync(key, PlannedEvent.Normal, AppliedReason, $"applied {report.Done.Count} operation(s) of the plan: {plan.Summary()}", cancellationToken);
        }
        catch (PlatformApiException error)
        {
            await FailedAsync(key, error, "reading the account failed: ", cancellationToken);
        }
    }

    private void Succeeded(string key, int pending)
    {
        metrics.PlatformSyncPending.WithLabels(key).Set(pending);
        metrics.PlatformSyncLastSuccess.WithLabels(key).Set(time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0);
    }

    /// <summary>The platform's answer is quoted (it never echoes the key, which travels only in a request header).</summary>
    private Task FailedAsync(string key, PlatformApiException error, string context, CancellationToken cancellationToken)
    {
        metrics.PlatformSyncErrors.WithLabels(error.Endpoint).Inc();
        string advice = error.IsAccessDenied ? "; the key in Secret cpaasx-platform is refused, nothing else is affected" : "; the next pass retries";
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
