namespace CpaasX.Operator.Runtime.ReconcileLoop;

/// <summary>The outcome of one reconcile, in the style of controller-runtime's <c>reconcile.Result</c>.</summary>
public sealed record ReconcileResult
{
    private ReconcileResult(ReconcileResultKind kind, TimeSpan delay, Exception? error)
    {
        Kind = kind;
        Delay = delay;
        Error = error;
    }

    public static ReconcileResult Done { get; } = new(ReconcileResultKind.Done, TimeSpan.Zero, null);

    public static ReconcileResult Requeue { get; } = new(ReconcileResultKind.Requeue, TimeSpan.Zero, null);

    public ReconcileResultKind Kind { get; }

    /// <summary>The fixed delay of <see cref="ReconcileResultKind.RequeueAfter"/>; zero otherwise.</summary>
    public TimeSpan Delay { get; }

    /// <summary>The cause of <see cref="ReconcileResultKind.Failed"/>; null otherwise.</summary>
    public Exception? Error { get; }

    public static ReconcileResult RequeueAfter(TimeSpan delay) =>
        delay > TimeSpan.Zero
            ? new(ReconcileResultKind.RequeueAfter, delay, null)
            : throw new ArgumentOutOfRangeException(nameof(delay), delay, "A requeue delay must be positive.");

    public static ReconcileResult Failed(Exception error) => new(ReconcileResultKind.Failed, TimeSpan.Zero, error);
}
