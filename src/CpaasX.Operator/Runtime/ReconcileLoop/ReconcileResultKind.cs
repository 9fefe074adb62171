namespace CpaasX.Operator.Runtime.ReconcileLoop;

/// <summary>What the controller does with a key after a reconcile.</summary>
public enum ReconcileResultKind
{
    /// <summary>Converged: forget the key's failures; it comes back only with the next change.</summary>
    Done,

    /// <summary>Try again after the key's backoff without logging an error (e.g. a 409 Conflict).</summary>
    Requeue,

    /// <summary>Converged for now, but look again after a fixed delay.</summary>
    RequeueAfter,

    /// <summary>Failed: log the error and try again after the key's backoff.</summary>
    Failed,
}
