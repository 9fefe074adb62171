using CpaasX.Operator.Observability;
using CpaasX.Operator.PlatformSync;
using CpaasX.Operator.Reconciliation;
using CpaasX.Operator.Runtime.Client;
using CpaasX.Operator.Runtime.LeaderElection;
using CpaasX.Operator.Runtime.Queue;
using CpaasX.Operator.Runtime.ReconcileLoop;
using CpaasX.Operator.Writing;

using k8s;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CpaasX.Operator.Hosting;

/// <summary>
/// One running operator: informers, work queue, namespace reconciler and writer, optional leader election, and the
/// HTTP endpoints. Several instances can run in one process (each has its own client, metrics and lease identity).
/// Stopping is graceful: in-flight reconciles get the controller's grace period, then the lease is released.
/// </summary>
public sealed class OperatorInstance : IAsyncDisposable
{
    private readonly Kubernetes _client;
    private readonly ClusterInformers _informers;
    /// <summary>The controller's name and its queue's, in log scopes and metric labels, as controller-runtime names a controller after its kind.</summary>
    private const string ControllerName = "namespace";

    /// <summary>The platform sync's controller and queue, beside the namespace controller.</summary>
    private const string SyncControllerName = "platform-sync";

    private readonly WorkQueue<string> _queue;
    private readonly Prometheus.Gauge.Child _leaderStatus;
    private readonly Controller<string> _controller;
    private readonly WorkQueue<string> _syncQueue;
    private readonly Controller<string> _sync;
    private readonly Leadership? _leadership;
    private HealthEndpoints? _http;
    private MetricsEndpoint? _metrics;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _logger;
    private readonly TimeSpan _stallTimeout;
    private Task _running = Task.CompletedTask;

    private OperatorInstance(OperatorOptions options, KubernetesClientConfiguration configuration, ILoggerFactory loggerFactory)
    {
        _logger = loggerFactory.CreateLogger<OperatorInstance>();
        _stallTimeout = options.StallTimeout;
        _client = new Kubernetes(configuration, new ApiRequestMetricsHandler(Metrics));
        _queue = new WorkQueue<string>(metrics: Metrics.WorkQueues.For(ControllerName));
        Metrics.WorkQueues.Observe(_queue, ControllerName);
        _syncQueue = new WorkQueue<string>(metrics: Metrics.WorkQueues.For(SyncControllerName));
        Metrics.WorkQueues.Observe(_syncQueue, SyncControllerName);
        _leaderStatus = Metrics.LeaderElectionMasterStatus.WithLabels(options.LeaseName);
        var api = new ApiHttp(_client, configuration);
        _informers = new ClusterInformers(api, options.Namespaces, loggerFactory);
        _ = new NamespaceEnqueuer(_queue, _informers, options.ConfigMapName, options.SettleDelay);
        _informers.AddUndecodableHandler(change =>
        {
            if (change.Type != WatchEventType.Deleted)
            {
                Metrics.DecodeErrors.WithLabels(change.Object.Kind).Inc();
            }
        });
        var events = new EventRecorder(_client, Identity, TimeProvider.System, loggerFactory.CreateLogger<EventRecorder>());
        var objectWriter = new CustomObjectWriter(api, Metrics, events, loggerFactory.CreateLogger<CustomObjectWriter>());
        var writer = new NamespaceWriter(
            objectWriter,
            new RoutingConfigMapPublisher(_client, options.ConfigMapName, Metrics, events, loggerFactory.CreateLogger<RoutingConfigMapPublisher>()),
            events);
        // The sync's verdicts reach the objects through the namespace controller, the one writer of conditions.
        var syncResults = new PlatformSyncResults();
        syncResults.Changed += _queue.Add;
        _controller = new Controller<string>(
            _queue,
            new NamespaceReconciler(_informers, writer, TimeProvider.System, syncResults),
            new ControllerSettings { Workers = options.Workers, Name = ControllerName, KeyName = "namespace" },
            logger: loggerFactory.CreateLogger<Controller<string>>());
        Metrics.Controllers.Observe(_controller);
        // Platform sync runs on its own queue and workers: a slow or throttled platform never delays routing.
        _sync = new Controller<string>(
            _syncQueue,
            new PlatformSyncReconciler(_client, _informers, events, Metrics, syncResults, new PlatformSyncFinalizer(objectWriter), options.PlatformSyncInterval, options.PlatformClient, TimeProvider.System,
                loggerFactory.CreateLogger<PlatformSyncReconciler>()),
            new ControllerSettings { Name = SyncControllerName, KeyName = "namespace" },
            logger: loggerFactory.CreateLogger<Controller<string>>());
        Metrics.Controllers.Observe(_sync);
        _controller.Reconciled += (key, _, _) => _syncQueue.Add(key);
        if (options.LeaderElect)
        {
            _leadership = Leadership.OnLease(
                _client,
                new LeaderElectionSettings(Identity, options.LeaseNamespace, options.LeaseName)
                {
                    LeaseDuration = options.LeaseDuration,
                    RenewDeadline = options.RenewDeadline,
                    RetryPeriod = options.RetryPeriod,
                },
                loggerFactory.CreateLogger<Leadership>());
            _leadership.Changed += leading => _leaderStatus.Set(leading ? 1 : 0);
        }
    }

    /// <summary>Where the probes /healthz and /readyz answer.</summary>
    public Uri HttpAddress => _http!.Address;

    /// <summary>Where /metrics answers (https:// when secured); null when the options serve no metrics.</summary>
    public Uri? MetricsAddress => _metrics?.Address;

    public OperatorMetrics Metrics { get; } = new();

    /// <summary>This instance's name in the Lease and in the events it records: unique, so instances in one process are told apart.</summary>
    public string Identity { get; } = $"{Environment.MachineName.ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>True while this instance may write: it leads, or runs without leader election.</summary>
    public bool IsWriting => _leaderStatus.Value == 1;

    /// <summary>True while /readyz answers 200: every informer has synced and none is stuck.</summary>
    public bool IsReady => ReadinessProblem is null;

    /// <summary>Why /healthz fails: the operator loop failed, or the informers have failed longer than the stall timeout; null while healthy.</summary>
    public string? HealthProblem =>
        Failure is not null ? $"the operator loop failed: {Failure.Message}"
        : _informers.FailingFor is var failing && failing >= _stallTimeout ? $"informers have failed to list or watch for {failing.TotalSeconds:F0} s"
        : null;

    /// <summary>Why /readyz fails: not every informer has synced yet, or the instance is unhealthy; null while ready.</summary>
    public string? ReadinessProblem => _informers.HasSynced ? HealthProblem : "informers not synced";

    /// <summary>Why the operator loop ended on its own; null while it runs or after a requested stop.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Completes when the operator loop ends: after <see cref="StopAsync"/>, or on its own when it fails (see <see cref="Failure"/>).</summary>
    public Task Completion => _running;

    /// <summary>Starts the HTTP endpoints and the operator loop; returns once the endpoints answer.</summary>
    public static async Task<OperatorInstance> StartAsync(
        OperatorOptions options,
        KubernetesClientConfiguration configuration,
        ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default)
    {
        var instance = new OperatorInstance(options, configuration, loggerFactory ?? NullLoggerFactory.Instance);
        try
        {
            instance._http = await HealthEndpoints.StartAsync(
                options.HttpEndpoint, () => instance.HealthProblem, () => instance.ReadinessProblem, cancellationToken).ConfigureAwait(false);
            if (options.MetricsEndpoint is { } metricsEndpoint)
            {
                // The reviews go to the API server as the operator itself: its RBAC grants create on both.
                var accessReview = options.MetricsSecure ? new MetricsAccessReview(instance._client, instance._logger) : null;
                instance._metrics = await MetricsEndpoint.StartAsync(
                    metricsEndpoint, instance.Metrics.ExportAsync, accessReview, options.MetricsCertDirectory, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await instance.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        instance._running = instance.RunAsync();
        return instance;
    }

    /// <summary>Waits until every informer has synced (what /readyz reports).</summary>
    public Task WaitUntilReadyAsync(CancellationToken cancellationToken) => _informers.WaitForSyncAsync(cancellationToken);

    /// <summary>Stops gracefully: no new reconciles, in-flight ones finish or are cancelled, the lease is released.</summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _running.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (_http is not null)
        {
            await _http.DisposeAsync().ConfigureAwait(false);
        }

        if (_metrics is not null)
        {
            await _metrics.DisposeAsync().ConfigureAwait(false);
        }

        _client.Dispose();
        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        var stopping = _stopping.Token;
        var informers = _informers.RunAsync(stopping);
        using var stopCampaign = new CancellationTokenSource();
        var election = _leadership?.RunAsync(stopCampaign.Token) ?? Task.CompletedTask;
        try
        {
            await _informers.WaitForSyncAsync(stopping).ConfigureAwait(false);
            _logger.LogInformation("Informers synced; {Mode}", _leadership is null ? "reconciling" : "waiting for leadership");
            if (_leadership is null)
            {
                _leaderStatus.Set(1);
                await Task.WhenAll(_controller.RunAsync(stopping), _sync.RunAsync(stopping)).ConfigureAwait(false);
            }

            while (_leadership is not null && !stopping.IsCancellationRequested)
            {
                var term = await _leadership.WaitForLeadershipAsync(stopping).ConfigureAwait(false);
                await Task.WhenAll(_controller.RunAsync(stopping, abortToken: term), _sync.RunAsync(stopping, abortToken: term)).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping before sync or while following.
        }
        catch (Exception error)
        {
            _logger.LogCritical(error, "Operator loop failed");
            Failure = error;
        }
        finally
        {
            _leaderStatus.Set(0);
            _queue.ShutDown(drain: false);
            _syncQueue.ShutDown(drain: false);

            // Only now, with every reconcile finished, may another instance take the lease.
            await stopCampaign.CancelAsync().ConfigureAwait(false);
            await election.ConfigureAwait(false);
            await informers.ConfigureAwait(false);
        }
    }
}
