namespace CpaasX.Operator.Runtime.Client;

/// <summary>Request settings of the KubernetesClient-based <see cref="IListWatchClient{T}"/> implementations.</summary>
public sealed record ListWatchSettings
{
    /// <summary>client-go's default page size: big lists come in bounded responses instead of one huge one.</summary>
    public const int DefaultPageSize = 500;

    /// <summary>
    /// Servers end each watch after this long and the informer resumes from its last resourceVersion; this keeps
    /// half-open connections from going unnoticed (client-go picks 5 to 10 minutes).
    /// </summary>
    public static readonly TimeSpan DefaultWatchTimeout = TimeSpan.FromMinutes(5);

    public int PageSize { get; init; } = DefaultPageSize;

    public TimeSpan WatchTimeout { get; init; } = DefaultWatchTimeout;

    /// <summary>
    /// Ask for metadata only (<see cref="PartialObjectMetadata"/>): the server answers lists and watches with each
    /// object's metadata and none of its content, so a cache of them holds no payloads.
    /// </summary>
    public bool MetadataOnly { get; init; }
}
