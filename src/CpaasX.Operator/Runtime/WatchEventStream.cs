using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;

using k8s;
using k8s.Autorest;
using k8s.Models;

namespace CpaasX.Operator.Runtime;

/// <summary>
/// Turns a KubernetesClient watch into <see cref="WatchEvent{T}"/>s. The client does not yield a Status line
/// (such as 410 Expired) as an event but passes it to its error callback; this brings it back into the
/// sequence, in order, as an ERROR event. A 410 answer to the watch request itself becomes the same event.
/// </summary>
internal static class WatchEventStream
{
    public static async IAsyncEnumerable<WatchEvent<T>> AdaptAsync<TSource, T>(
        Func<Action<Exception>, IAsyncEnumerable<(WatchEventType Type, TSource Object)>> openWatch,
        Func<TSource, T> convert,
        Func<TSource, string?> resourceVersionOf,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        var reportedErrors = new ConcurrentQueue<Exception>();
        var source = openWatch(reportedErrors.Enqueue).GetAsyncEnumerator(cancellationToken);
        await using var _ = source.ConfigureAwait(false);
        while (true)
        {
            bool hasNext;
            WatchEvent<T>? refused = null;
            try
            {
                hasNext = await source.MoveNextAsync().ConfigureAwait(false);
            }
            catch (HttpOperationException error) when (error.Response?.StatusCode == HttpStatusCode.Gone)
            {
                hasNext = false;
                refused = WatchEvent<T>.Error(new V1Status { Code = StatusCodes.Gone, Reason = "Expired", Message = error.Message });
            }

            while (reportedErrors.TryDequeue(out var reported))
            {
                yield return WatchEvent<T>.Error(StatusOf(reported));
            }

            if (refused is not null)
            {
                yield return refused;
            }

            if (!hasNext)
            {
                yield break;
            }

            var (type, obj) = source.Current;
            yield return type == WatchEventType.Bookmark
                ? WatchEvent<T>.Bookmark(resourceVersionOf(obj) ?? string.Empty)
                : WatchEvent<T>.Changed(type, convert(obj));
        }
    }

    private static V1Status StatusOf(Exception error) =>
        error is KubernetesException { Status: { } status }
            ? status
            : new V1Status { Reason = "InvalidWatchEvent", Message = error.Message };
}
