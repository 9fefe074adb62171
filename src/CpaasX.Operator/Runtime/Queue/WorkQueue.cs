namespace CpaasX.Operator.Runtime.Queue;

/// <summary>
/// A de-duplicating work queue in the style of client-go's workqueue: a key is queued at most once,
/// a key added while it is being processed is processed once more after <see cref="Done"/>, and
/// failing keys come back after a per-key exponential backoff until <see cref="Forget"/> is called. It times how long
/// each key waits and is worked on, for the <see cref="IWorkQueueMetrics"/> given.
/// </summary>
public sealed class WorkQueue<TKey>
    where TKey : class
{
    private readonly Lock _gate = new();
    private readonly Queue<TKey> _ready = new();
    private readonly HashSet<TKey> _dirty = [];
    private readonly Dictionary<TKey, long> _processingSince = [];
    private readonly Dictionary<TKey, long> _addedAt = [];
    private readonly Dictionary<TKey, int> _failures = [];
    private readonly Dictionary<TKey, DelayedAdd> _delayed = [];
    private readonly WorkQueueSettings _settings;
    private readonly TimeProvider _time;
    private readonly IWorkQueueMetrics? _metrics;
    private TaskCompletionSource _itemAvailable = NewSignal();
    private bool _shuttingDown;
    private bool _drain;

    public WorkQueue(WorkQueueSettings? settings = null, TimeProvider? time = null, IWorkQueueMetrics? metrics = null)
    {
        _settings = settings ?? new WorkQueueSettings();
        _time = time ?? TimeProvider.System;
        _metrics = metrics;
    }

    /// <summary>Keys ready to be handed out (not counting keys in process or waiting for a delay).</summary>
    public int Depth
    {
        get
        {
            lock (_gate)
            {
                return _ready.Count;
            }
        }
    }

    /// <summary>How long the keys handed out and not yet done have been in process, together and the longest.</summary>
    public UnfinishedWork MeasureUnfinishedWork()
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            var total = TimeSpan.Zero;
            var longest = TimeSpan.Zero;
            foreach (var since in _processingSince.Values)
            {
                var elapsed = _time.GetElapsedTime(since, now);
                total += elapsed;
                longest = elapsed > longest ? elapsed : longest;
            }

            return new UnfinishedWork(total, longest);
        }
    }

    /// <summary>Consecutive failures recorded for <paramref name="key"/> since it was last forgotten.</summary>
    public int Failures(TKey key)
    {
        lock (_gate)
        {
            return _failures.GetValueOrDefault(key);
        }
    }

    public void Add(TKey key)
    {
        lock (_gate)
        {
            if (_shuttingDown || !_dirty.Add(key))
            {
                return;
            }

            _addedAt[key] = _time.GetTimestamp();
            _metrics?.Added();
            if (!_processingSince.ContainsKey(key))
            {
                Enqueue(key);
            }
        }
    }

    /// <summary>Adds <paramref name="key"/> once <paramref name="delay"/> has passed; an earlier pending add wins.</summary>
    public void AddAfter(TKey key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        lock (_gate)
        {
            if (_shuttingDown)
            {
                return;
            }

            _metrics?.Retried();
            var due = _time.GetUtcNow() + delay;
            if (_delayed.TryGetValue(key, out var pending))
            {
                if (pending.Due <= due)
                {
                    return;
                }

                pending.Timer.Dispose();
            }

            Schedule(key, due, delay, quietSince: null);
        }
    }

    /// <summary>
    /// Adds <paramref name="key"/> once no such call has come for <paramref name="quiet"/>, but no later than
    /// <paramref name="maxDelay"/> after the first call of the run: a burst of calls becomes one add. A run that has
    /// gone on for a while waits for a longer pause, <paramref name="runShare"/> of how long it has lasted, when that
    /// is longer than <paramref name="quiet"/>. A pending <see cref="AddAfter"/> due no later than the quiet point is
    /// kept.
    /// </summary>
    public void AddWhenQuiet(TKey key, TimeSpan quiet, TimeSpan maxDelay, double runShare = 0)
    {
        if (quiet <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        lock (_gate)
        {
            if (_shuttingDown)
            {
                return;
            }

            var now = _time.GetUtcNow();
            var since = now;
            var due = now + quiet;
            if (_delayed.TryGetValue(key, out var pending))
            {
                if (pending.QuietSince is { } runStart)
                {
                    // The run goes on: its add moves to the new quiet point, but never past the run's limit.
                    since = runStart;
                    var runPause = (now - runStart) * runShare;
                    due = now + (runPause > quiet ? runPause : quiet);
                    due = due < runStart + maxDelay ? due : runStart + maxDelay;
                    if (due <= pending.Due)
                    {
                        return;
                    }
                }
                else if (pending.Due <= due)
                {
                    // An AddAfter (a retry) due sooner already covers this call.
                    return;
                }

                pending.Timer.Dispose();
            }

            Schedule(key, due, due - now, since);
        }
    }

    /// <summary>Records one more failure of <paramref name="key"/> and adds it back after the backoff for that many failures.</summary>
    public void AddRateLimited(TKey key)
    {
        int failures;
        lock (_gate)
        {
            failures = _failures.GetValueOrDefault(key) + 1;
            _failures[key] = failures;
        }

        AddAfter(key, _settings.RetryBackoff.DelayAfter(failures));
    }

    /// <summary>Clears the failure history of <paramref name="key"/>, so its next failure starts at the initial backoff.</summary>
    public void Forget(TKey key)
    {
        lock (_gate)
        {
            _failures.Remove(key);
        }
    }

    /// <summary>
    /// Waits for the next key and marks it as in process until <see cref="Done"/>. Returns null once the
    /// queue is shut down (after the remaining keys were handed out, when shut down with drain).
    /// </summary>
    public async Task<TKey?> GetAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                if (_shuttingDown && (!_drain || _ready.Count == 0))
                {
                    return null;
                }

                if (_ready.TryDequeue(out var key))
                {
                    _dirty.Remove(key);
                    var now = _time.GetTimestamp();
                    _processingSince[key] = now;
                    if (_addedAt.Remove(key, out var added))
                    {
                        _metrics?.Taken(_time.GetElapsedTime(added, now));
                    }

                    return key;
                }

                signal = _itemAvailable.Task;
            }

            await signal.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Ends processing of <paramref name="key"/>; if it was added meanwhile, it is queued again.</summary>
    public void Done(TKey key)
    {
        lock (_gate)
        {
            if (_processingSince.Remove(key, out var since))
            {
                _metrics?.Finished(_time.GetElapsedTime(since));
            }

            if (!_shuttingDown && _dirty.Contains(key))
            {
                Enqueue(key);
            }
        }
    }

    /// <summary>
    /// Stops accepting keys and drops pending delayed adds. With <paramref name="drain"/>, keys already
    /// queued are still handed out; without it, <see cref="GetAsync"/> returns null at once.
    /// </summary>
    public void ShutDown(bool drain = true)
    {
        lock (_gate)
        {
            _shuttingDown = true;
            _drain = drain;
            foreach (var pending in _delayed.Values)
            {
                pending.Timer.Dispose();
            }

            _delayed.Clear();
            WakeWaiters();
        }
    }

    private void Schedule(TKey key, DateTimeOffset due, TimeSpan delay, DateTimeOffset? quietSince)
    {
        // The callback takes the lock, so it cannot run before the entry below is stored.
        var timer = _time.CreateTimer(_ => AddDelayed(key, due), null, delay, Timeout.InfiniteTimeSpan);
        _delayed[key] = new DelayedAdd(due, timer, quietSince);
    }

    private void AddDelayed(TKey key, DateTimeOffset due)
    {
        lock (_gate)
        {
            // A later AddAfter with an earlier due time may have replaced this timer.
            if (!_delayed.TryGetValue(key, out var current) || current.Due != due)
            {
                return;
            }

            _delayed.Remove(key);
            current.Timer.Dispose();
        }

        Add(key);
    }

    private void Enqueue(TKey key)
    {
        _ready.Enqueue(key);
        WakeWaiters();
    }

    private void WakeWaiters()
    {
        _itemAvailable.TrySetResult();
        _itemAvailable = NewSignal();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
