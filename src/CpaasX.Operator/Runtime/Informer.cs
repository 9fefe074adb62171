using k8s;
using k8s.Models;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CpaasX.Operator.Runtime;

/// <summary>
/// Keeps a local <see cref="InformerStore{T}"/> of one kind in step with the API server and tells handlers
/// what changed. Per watched namespace (or once cluster-wide) it LISTs, then WATCHes from the list's
/// resourceVersion with bookmarks. A closed or broken stream, or an ERROR event, resumes the watch from the
/// last resourceVersion seen; an expired one (410) lists again and reports objects that vanished meanwhile
/// as DELETED, so deletes made while disconnected are never missed.
/// </summary>
public sealed class Informer<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly IListWatchClient<T> _client;
    private readonly InformerSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _handlersGate = new();
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IReadOnlyList<Action<InformerEvent<T>>> _handlers = [];
    private int _scopesToSync;

    public Informer(IListWatchClient<T> client, InformerSettings? settings = null, TimeProvider? time = null, ILogger? logger = null)
    {
        _client = client;
        _settings = settings ?? new InformerSettings();
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    public InformerStore<T> Store { get; } = new();

    /// <summary>True once every watched namespace has been listed into the store.</summary>
    public bool HasSynced => _synced.Task.IsCompleted;

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

    /// <summary>
    /// Calls <paramref name="handler"/> after each change is applied to the store, on the informer's loop:
    /// handlers should only enqueue work. A handler that throws is logged and does not stop the informer.
    /// </summary>
    public void AddHandler(Action<InformerEvent<T>> handler)
    {
        lock (_handlersGate)
        {
            _handlers = [.. _handlers, handler];
        }
    }

    /// <summary>Lists and watches until <paramref name="cancellationToken"/> fires.</summary>
    public Task RunAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<string?> scopes = _settings.Namespaces.Count == 0 ? [null] : [.. _settings.Namespaces.Distinct()];
        _scopesToSync = scopes.Count;
        return Task.WhenAll(scopes.Select(scope => RunScopeAsync(scope, cancellationToken)));
    }

    private async Task RunScopeAsync(string? scope, CancellationToken cancellationToken)
    {
        var scopeName = scope ?? "all namespaces";
        string? resourceVersion = null;
        var synced = false;
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var progressed = false;
            try
            {
                if (resourceVersion is null)
                {
                    var list = await _client.ListAsync(scope, _settings.LabelSelector, cancellationToken).ConfigureAwait(false);
                    Notify(Store.Replace(scope, list.Items));
                    resourceVersion = list.ResourceVersion;
                    progressed = true;
                    if (!synced)
                    {
                        synced = true;
                        MarkScopeSynced();
                    }
                }

                await foreach (var change in _client.WatchAsync(scope, _settings.LabelSelector, resourceVersion, cancellationToken).ConfigureAwait(false))
                {
                    if (change.Type == WatchEventType.Error)
                    {
                        _logger.LogInformation(
                            "Watch of {Scope} ended with {Code} {Reason}: {Message}",
                            scopeName,
                            change.Status?.Code,
                            change.Status?.Reason,
                            change.Status?.Message);
                        if (change.IsExpired)
                        {
                            // Nothing to wait for: the list is the fix.
                            resourceVersion = null;
                            progressed = true;
                        }

                        break;
                    }

                    resourceVersion = Apply(change) is { Length: > 0 } seen ? seen : resourceVersion;
                    progressed = true;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                _logger.LogWarning(error, "List or watch of {Scope} failed; resuming from resourceVersion {ResourceVersion}", scopeName, resourceVersion);
            }

            // A stream that delivered nothing is retried with growing backoff, so a failing server is not hammered.
            failures = progressed ? 0 : failures + 1;
            await InterruptibleDelay.WaitAsync(_settings.RetryBackoff.DelayAfter(failures), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Applies one watch event to the store and returns the resourceVersion it carries.</summary>
    private string? Apply(WatchEvent<T> change)
    {
        if (change.Type == WatchEventType.Bookmark)
        {
            return change.ResourceVersion;
        }

        var obj = change.Object!;
        if (change.Type == WatchEventType.Deleted)
        {
            Notify([new InformerEvent<T>(WatchEventType.Deleted, obj, Store.Remove(obj))]);
        }
        else
        {
            Notify([Store.Upsert(obj)]);
        }

        return obj.Metadata?.ResourceVersion;
    }

    private void Notify(IReadOnlyList<InformerEvent<T>> changes)
    {
        var handlers = Volatile.Read(ref _handlers);
        foreach (var change in changes)
        {
            foreach (var handler in handlers)
            {
                try
                {
                    handler(change);
                }
                catch (Exception error)
                {
                    _logger.LogError(error, "Informer handler failed on {Type} {Key}", change.Type, ObjectKey.Of(change.Object));
                }
            }
        }
    }

    private void MarkScopeSynced()
    {
        if (Interlocked.Decrement(ref _scopesToSync) == 0)
        {
            _synced.TrySetResult();
        }
    }
}
