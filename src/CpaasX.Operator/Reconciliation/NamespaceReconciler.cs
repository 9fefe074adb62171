using CpaasX.Operator.Compilation;
using CpaasX.Operator.Runtime.ReconcileLoop;
using CpaasX.Operator.Writing;

namespace CpaasX.Operator.Reconciliation;

/// <summary>
/// Reconciles one namespace: a snapshot from the informer stores (never the API), the cluster-wide resource value
/// index the Resource store keeps (only the namespace's own values are looked up), compile, and the writer. A namespace
/// without CPaaS X objects loses its ConfigMap.
/// </summary>
public sealed class NamespaceReconciler(ClusterInformers informers, NamespaceWriter writer, TimeProvider time) : IReconciler<string>
{
    public Task<ReconcileResult> ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        var snapshot = informers.Snapshot(key);
        var observedConfigMaps = informers.RoutingConfigMaps.Store.List(key);
        if (snapshot.IsEmpty)
        {
            return writer.RemoveAsync(key, observedConfigMaps, cancellationToken);
        }

        var compiled = NamespaceCompiler.Compile(snapshot, informers.ResourceValues, time.GetUtcNow());
        return writer.ApplyAsync(compiled, observedConfigMaps, cancellationToken);
    }
}
