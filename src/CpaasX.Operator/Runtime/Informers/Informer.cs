using System.Collections.Concurrent;

using CpaasX.Operator.Runtime.Client;

using k8s;
using k8s.Models;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CpaasX.Operator.Runtime.Informers;

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
    private readonly ConcurrentDictionary<string, DateTimeOffset> _failingSince = new(StringComparer.Ordinal);
    private IReadOnlyList<Action<InformerEvent<T>>> _handlers = [];
    private IReadOnlyList<Action<InformerEvent<UndecodableObject>>> _undecodableHandlers = [];
    private int _scopesToSync;

    public Informer(IListWatchClient<T> client, InformerSettings? settings = null, TimeProvider? time = null, ILogger? logger = null)
    {
        _client = client;
        _settings = settings ?? new InformerSettings();
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    public InformerStore<T> Store { get; } = new();

    /// <summary>
    /// The objects of this kind that do not decode into <typeparamref name="T"/>, kept beside <see cref="Store"/> (an
    /// object is in one or the other): present, so that nothing takes them for deleted, but unusable until fixed.
    /// </summary>
    public InformerStore<UndecodableObject> Undecodable { get; } = new();

    /// <summary>True once every watched namespace has been listed into the store.</summary>
    public bool HasSynced => _synced.Task.IsCompleted;

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

    /// <summary>
    /// How long the list or watch of a watched namespace has failed without a success in between (the longest such run
    /// over the namespaces); zero while every list and watch works. A quiet watch is not failing: only a refused
    /// request, a broken stream or an ERROR event other than 410 is.
    /// </summary>
    public TimeSpan FailingFor => _failingSince.Values.Select(since => _time.GetUtcNow() - since).DefaultIfEmpty(TimeSpan.Zero).Max();

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

    /// <summary>
    /// Calls <paramref name="handler"/> after each change of <see cref="Undecodable"/>: an object that stops decoding is
    /// ADDED or MODIFIED there (and DELETED from <see cref="Store"/>), one fixed or deleted is DELETED there.
    /// </summary>
    public void AddUndecodableHandler(Action<InformerEvent<UndecodableObject>> handler)
    {
        lock (_handlersGate)
        {
            _undecodableHandlers = [.. _undecodableHandlers, handler];
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
        var scopeKey = scope ?? string.Empty;
        string? resourceVersion = null;
        var synced = false;
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var progressed = false;
            var failed = false;
            try
            {
                if (resourceVersion is null)
                {
                    var list = await _client.ListAsync(scope, _settings.LabelSelector, cancellationToken).ConfigureAwait(false);
                    Notify(Store.Replace(scope, list.Items));
                    NotifyUndecodable(Undecodable.Replace(scope, list.Undecodable));
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
                        else
                        {
                            failed = true;
                        }

                        break;
                    }

                    resourceVersion = Apply(change) is { Length: > 0 } seen ? seen : resourceVersion;
                    progressed = true;

                    // A watch that works again (a bookmark at least, which servers send about once a minute) ends a stall at once.
                    _failingSince.TryRemove(scopeKey, out _);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                _logger.LogWarning(error, "List or watch of {Scope} failed; resuming from resourceVersion {ResourceVersion}", scopeName, resourceVersion);
                failed = true;
            }

            if (failed && !progressed)
            {
                _failingSince.TryAdd(scopeKey, _time.GetUtcNow());
            }
            else
            {
                _failingSince.TryRemove(scopeKey, out _);
            }

            // A stream that delivered nothing is retried with growing backoff, so a failing server is not hammered.
            failures = progressed ? 0 : failures + 1;
            await InterruptibleDelay.WaitAsync(_settings.RetryBackoff.DelayAfter(failures), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Applies one watch event to the stores and returns the resourceVersion it carries.</summary>
    private string? Apply(WatchEvent<T> change)
    {
        if (change.Type == WatchEventType.Bookmark)
        {
            return change.ResourceVersion;
        }

        if (change.Undecodable is { } undecodable)
        {
            return ApplyUndecodable(change.Type, undecodable);
        }

        var obj = change.Object!;
        ForgetUndecodable(ObjectKey.Of(obj));
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

    /// <summary>The object no longer decodes (or never did): it leaves the typed store, the watch moves past it.</summary>
    private string? ApplyUndecodable(WatchEventType type, UndecodableObject undecodable)
    {
        var key = ObjectKey.Of(undecodable);
        if (Store.Get(key) is { } typed)
        {
            Notify([new InformerEvent<T>(WatchEventType.Deleted, typed, Store.Remove(typed))]);
        }

        if (type == WatchEventType.Deleted)
        {
            ForgetUndecodable(key);
        }
        else
        {
            NotifyUndecodable([Undecodable.Upsert(undecodable)]);
        }

        return undecodable.Metadata.ResourceVersion;
    }

    /// <summary>A fixed or deleted object leaves the undecodable ones.</summary>
    private void ForgetUndecodable(ObjectKey key)
    {
        if (Undecodable.Get(key) is { } forgotten)
        {
            NotifyUndecodable([new InformerEvent<UndecodableObject>(WatchEventType.Deleted, forgotten, Undecodable.Remove(forgotten))]);
        }
    }

    private void Notify(IReadOnlyList<InformerEvent<T>> changes) => Notify(changes, Volatile.Read(ref _handlers));

    private void NotifyUndecodable(IReadOnlyList<InformerEvent<UndecodableObject>> changes)
    {
        foreach (var change in changes.Where(change => change.Type != WatchEventType.Deleted))
        {
            var undecodable = change.Object;
            _logger.LogWarning(
                "{Kind} {Key} at resourceVersion {ResourceVersion} does not decode: {Problem}",
                undecodable.Kind, ObjectKey.Of(undecodable), undecodable.Metadata.ResourceVersion, undecodable.Problem);
        }

        Notify(changes, Volatile.Read(ref _undecodableHandlers));
    }

    private void Notify<TObject>(IReadOnlyList<InformerEvent<TObject>> changes, IReadOnlyList<Action<InformerEvent<TObject>>> handlers)
        where TObject : IKubernetesObject<V1ObjectMeta>
    {
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
