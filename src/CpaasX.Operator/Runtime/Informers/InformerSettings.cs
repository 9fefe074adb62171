using CpaasX.Operator.Runtime.Queue;

namespace CpaasX.Operator.Runtime.Informers;

/// <summary>Settings of an <see cref="Informer{T}"/>.</summary>
public sealed record InformerSettings
{
    /// <summary>
    /// The backoff between failed list or watch attempts, as client-go's reflector does it: long enough not to
    /// hammer an API server that is down, short enough to catch up quickly once it is back.
    /// </summary>
    public static readonly ExponentialBackoff DefaultRetryBackoff = new(TimeSpan.FromMilliseconds(800), TimeSpan.FromSeconds(30));

    /// <summary>The namespaces to watch; empty means all namespaces through one cluster-wide list and watch.</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    /// <summary>Only objects whose labels match this selector; null for all.</summary>
    public string? LabelSelector { get; init; }

    public ExponentialBackoff RetryBackoff { get; init; } = DefaultRetryBackoff;
}
