using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

using CpaasX.Operator.Runtime.Client;

using k8s.Models;

namespace CpaasX.Operator.Tests.Runtime;

/// <summary>
/// A list/watch API driven by the test: each LIST and WATCH of a namespace (null = all) takes the next scripted
/// answer for it, waiting until the test provides one; every call is recorded, and watch calls can be awaited.
/// </summary>
internal sealed class ScriptedListWatchClient : IListWatchClient<V1ConfigMap>
{
    private const string AllNamespaces = "*";
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Channel<ListResult<V1ConfigMap>>> _lists = new();
    private readonly ConcurrentDictionary<string, Channel<WatchScript>> _watches = new();
    private readonly ConcurrentDictionary<string, Channel<(string? LabelSelector, string ResourceVersion)>> _watchCalls = new();
    private readonly ConcurrentQueue<(string? Namespace, string? LabelSelector)> _listCalls = new();

    public IReadOnlyList<(string? Namespace, string? LabelSelector)> ListCalls => [.. _listCalls];

    public void EnqueueList(string? @namespace, string resourceVersion, params V1ConfigMap[] items) =>
        Of(_lists, @namespace).Writer.TryWrite(new ListResult<V1ConfigMap>(items, resourceVersion));

    public void EnqueueWatch(string? @namespace, WatchScript script) => Of(_watches, @namespace).Writer.TryWrite(script);

    /// <summary>Waits for the next WATCH of <paramref name="namespace"/>; by then every earlier stream was fully applied.</summary>
    public async Task<(string? LabelSelector, string ResourceVersion)> NextWatchCallAsync(string? @namespace)
    {
        using var hang = new CancellationTokenSource(Hang);
        return await Of(_watchCalls, @namespace).Reader.ReadAsync(hang.Token);
    }

    public async Task<ListResult<V1ConfigMap>> ListAsync(string? @namespace, string? labelSelector, CancellationToken cancellationToken)
    {
        _listCalls.Enqueue((@namespace, labelSelector));
        return await Of(_lists, @namespace).Reader.ReadAsync(cancellationToken);
    }

    public async IAsyncEnumerable<WatchEvent<V1ConfigMap>> WatchAsync(
        string? @namespace,
        string? labelSelector,
        string resourceVersion,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Of(_watchCalls, @namespace).Writer.TryWrite((labelSelector, resourceVersion));
        var script = await Of(_watches, @namespace).Reader.ReadAsync(cancellationToken);
        foreach (var change in script.Events)
        {
            yield return change;
        }

        if (script.ThenThrow is not null)
        {
            throw script.ThenThrow;
        }
    }

    private static Channel<TItem> Of<TItem>(ConcurrentDictionary<string, Channel<TItem>> channels, string? @namespace) =>
        channels.GetOrAdd(@namespace ?? AllNamespaces, _ => Channel.CreateUnbounded<TItem>());
}
