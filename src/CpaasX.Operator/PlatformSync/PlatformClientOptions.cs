namespace CpaasX.Operator.PlatformSync;

/// <summary>How the platform client paces and retries.</summary>
public sealed record PlatformClientOptions
{
    /// <summary>
    /// The least time between two requests to one endpoint, counted from the end of the previous one: the published
    /// x-throttling-info is 1 request per second per endpoint on the provisioning APIs.
    /// </summary>
    public TimeSpan RequestInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long one request may go unanswered before it counts as not answered (and is retried as a refused
    /// connection is); HttpClient's own default.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>Attempts of one request answered 429 or 5xx (or not answered) before the sync gives up for this pass.</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>The first retry's wait; each further retry doubles it, up to <see cref="BackoffCap"/>.</summary>
    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan BackoffCap { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The list page size: the largest the specs allow, so a list costs the fewest throttled requests.</summary>
    public int PageSize { get; init; } = 1000;
}
