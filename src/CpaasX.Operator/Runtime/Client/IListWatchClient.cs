namespace CpaasX.Operator.Runtime.Client;

/// <summary>The two API calls an <see cref="Informer{T}"/> needs, for one kind of object.</summary>
public interface IListWatchClient<T>
    where T : class
{
    /// <summary>Lists every matching object (all pages) in <paramref name="namespace"/>, or in all namespaces when null.</summary>
    Task<ListResult<T>> ListAsync(string? @namespace, string? labelSelector, CancellationToken cancellationToken);

    /// <summary>
    /// Watches changes after <paramref name="resourceVersion"/>, with bookmarks. The sequence ends when the server
    /// closes the stream; an expired resourceVersion is reported as an ERROR event with code 410, whether the
    /// server sends it as an event or as the HTTP status. Transport failures are thrown.
    /// </summary>
    IAsyncEnumerable<WatchEvent<T>> WatchAsync(
        string? @namespace,
        string? labelSelector,
        string resourceVersion,
        CancellationToken cancellationToken);
}
