namespace CpaasX.Operator.Runtime.Queue;

/// <summary>Settings of a <see cref="WorkQueue{TKey}"/>.</summary>
public sealed record WorkQueueSettings
{
    /// <summary>
    /// The per-key retry backoff of client-go's default controller rate limiter: 5 ms lets a
    /// transient conflict retry almost at once, and doubling reaches the 5 min cap after about
    /// sixteen failures, so a key that keeps failing costs little while it waits for a fix.
    /// </summary>
    public static readonly ExponentialBackoff DefaultRetryBackoff = new(TimeSpan.FromMilliseconds(5), TimeSpan.FromMinutes(5));

    public ExponentialBackoff RetryBackoff { get; init; } = DefaultRetryBackoff;
}
