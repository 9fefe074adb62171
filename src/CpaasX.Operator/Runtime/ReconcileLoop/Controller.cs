using CpaasX.Operator.Runtime.Queue;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CpaasX.Operator.Runtime.ReconcileLoop;

/// <summary>
/// Runs workers that take keys from a <see cref="WorkQueue{TKey}"/>, reconcile them and requeue them as the
/// <see cref="ReconcileResult"/> says. The queue outlives a run, so keys added while not running (for instance
/// while another instance leads) are reconciled by the next run.
/// </summary>
public sealed class Controller<TKey>
    where TKey : class
{
    private readonly WorkQueue<TKey> _queue;
    private readonly IReconciler<TKey> _reconciler;
    private readonly ControllerSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private int _activeWorkers;

    public Controller(
        WorkQueue<TKey> queue,
        IReconciler<TKey> reconciler,
        ControllerSettings? settings = null,
        TimeProvider? time = null,
        ILogger? logger = null)
    {
        _queue = queue;
        _reconciler = reconciler;
        _settings = settings ?? new ControllerSettings();
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        if (_settings.Workers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), _settings.Workers, "A controller needs at least one worker.");
        }
    }

    /// <summary>The controller's name (<see cref="ControllerSettings.Name"/>).</summary>
    public string Name => _settings.Name;

    /// <summary>How many workers are reconciling a key right now.</summary>
    public int ActiveWorkers => Volatile.Read(ref _activeWorkers);

    /// <summary>How many keys this controller reconciles at most at once.</summary>
    public int MaxConcurrentReconciles => _settings.Workers;

    /// <summary>Raised after every reconcile with its result and duration (for metrics).</summary>
    public event Action<TKey, ReconcileResult, TimeSpan>? Reconciled;

    /// <summary>
    /// Reconciles until <paramref name="stoppingToken"/> (graceful: in-flight reconciles get the grace period,
    /// then are cancelled) or <paramref name="abortToken"/> (at once, e.g. leadership lost) fires, or the queue
    /// is shut down and empty. Keys whose reconcile was cancelled stay queued for the next run.
    /// </summary>
    public async Task RunAsync(CancellationToken stoppingToken, CancellationToken abortToken = default)
    {
        using var stopTaking = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, abortToken);
        using var stopReconciling = CancellationTokenSource.CreateLinkedTokenSource(abortToken);
        using var graceTimer = _time.CreateTimer(_ => stopReconciling.Cancel(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        await using var startGrace = stoppingToken.Register(() => graceTimer.Change(_settings.ShutdownGracePeriod, Timeout.InfiniteTimeSpan));

        var workers = Enumerable.Range(0, _settings.Workers)
            .Select(_ => Task.Run(() => WorkAsync(stopTaking.Token, stopReconciling.Token), CancellationToken.None));
        await Task.WhenAll(workers).ConfigureAwait(false);
    }

    private async Task WorkAsync(CancellationToken stopTaking, CancellationToken stopReconciling)
    {
        while (!stopTaking.IsCancellationRequested)
        {
            TKey? key;
            try
            {
                key = await _queue.GetAsync(stopTaking).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopTaking.IsCancellationRequested)
            {
                return;
            }

            if (key is null)
            {
                return;
            }

            Interlocked.Increment(ref _activeWorkers);
            try
            {
                await ProcessAsync(key, stopReconciling).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _activeWorkers);
            }
        }
    }

    private async Task ProcessAsync(TKey key, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        // Every line logged during the reconcile, by any class, carries the controller and the key.
        using var scope = _logger.BeginScope(new Dictionary<string, object> { ["controller"] = _settings.Name, [_settings.KeyName] = key });
        ReconcileResult result;
        try
        {
            result = await _reconciler.ReconcileAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _logger.LogInformation("Reconcile of {Key} cancelled; it stays queued", key);
            _queue.Done(key);
            _queue.Add(key);
            return;
        }
        catch (Exception error)
        {
            result = ReconcileResult.Failed(error);
        }

        switch (result.Kind)
        {
            case ReconcileResultKind.Done:
                _queue.Forget(key);
                break;
            case ReconcileResultKind.RequeueAfter:
                _queue.Forget(key);
                _queue.AddAfter(key, result.Delay);
                break;
            case ReconcileResultKind.Requeue:
                _queue.AddRateLimited(key);
                break;
            case ReconcileResultKind.Failed:
                _logger.LogError(result.Error, "Reconcile of {Key} failed; retrying after backoff", key);
                _queue.AddRateLimited(key);
                break;
        }

        _queue.Done(key);
        Reconciled?.Invoke(key, result, _time.GetElapsedTime(started));
    }
}
