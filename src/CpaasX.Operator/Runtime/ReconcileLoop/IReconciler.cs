namespace CpaasX.Operator.Runtime.ReconcileLoop;

/// <summary>Brings the world in line with the desired state for one key; called by a <see cref="Controller{TKey}"/>.</summary>
public interface IReconciler<in TKey>
{
    /// <summary>
    /// Reconciles <paramref name="key"/>. An exception counts as <see cref="ReconcileResult.Failed"/>;
    /// cancellation of <paramref name="cancellationToken"/> means shutdown or lost leadership, and the key is kept for later.
    /// </summary>
    Task<ReconcileResult> ReconcileAsync(TKey key, CancellationToken cancellationToken);
}
