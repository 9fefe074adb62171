using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CpaasX.Operator.Runtime.LeaderElection;

/// <summary>
/// Campaigns for leadership with KubernetesClient's <see cref="LeaderElector"/> and tells writers whether they may
/// write: each term as leader has a token that is cancelled the moment the lease is lost, so writers stop at once.
/// On graceful shutdown the lease is released (the client's elector has no release-on-cancel), so another
/// instance takes over without waiting for the lease to expire.
/// </summary>
public sealed class Leadership
{
    private readonly ILock _lock;
    private readonly LeaderElectionSettings _settings;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private CancellationTokenSource? _term;
    private TaskCompletionSource<CancellationToken> _nextTerm = NewTermSignal();

    public Leadership(ILock leaseLock, LeaderElectionSettings settings, ILogger? logger = null)
    {
        settings.Validate();
        _lock = leaseLock;
        _settings = settings;
        _logger = logger ?? NullLogger.Instance;
    }

    public bool IsLeader
    {
        get
        {
            lock (_gate)
            {
                return _term is not null;
            }
        }
    }

    /// <summary>Raised with true when this instance starts leading and false when it stops (for metrics and logs).</summary>
    public event Action<bool>? Changed;

    /// <summary>Leadership through the coordination.k8s.io Lease named in <paramref name="settings"/>.</summary>
    public static Leadership OnLease(IKubernetes client, LeaderElectionSettings settings, ILogger? logger = null) =>
        new(new LeaseLock(client, settings.LeaseNamespace, settings.LeaseName, settings.Identity), settings, logger);

    /// <summary>Waits until this instance leads and returns the token of that term, cancelled when the term ends.</summary>
    public Task<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _nextTerm.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Campaigns, leads and campaigns again after a loss, until <paramref name="stoppingToken"/> fires; then releases the lease.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var config = new LeaderElectionConfig(_lock)
        {
            LeaseDuration = _settings.LeaseDuration,
            RenewDeadline = _settings.RenewDeadline,
            RetryPeriod = _settings.RetryPeriod,
        };
        using var elector = new LeaderElector(config);
        elector.OnStartedLeading += BeginTerm;
        elector.OnStoppedLeading += EndTerm;
        elector.OnNewLeader += leader => _logger.LogInformation("Lease {Lease} is held by {Leader}", _lock.Describe(), leader);
        elector.OnError += error => _logger.LogWarning(error, "Leader election on {Lease} failed an attempt", _lock.Describe());
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await elector.RunUntilLeadershipLostAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception error)
            {
                // The elector lets errors of its acquire attempts escape (e.g. the API server unreachable); keep campaigning.
                _logger.LogWarning(error, "Leader election on {Lease} failed; campaigning again", _lock.Describe());
                await InterruptibleDelay.WaitAsync(_settings.RetryPeriod, TimeProvider.System, stoppingToken).ConfigureAwait(false);
            }
        }

        EndTerm();
        await ReleaseAsync().ConfigureAwait(false);
    }

    private void BeginTerm()
    {
        lock (_gate)
        {
            _term = new CancellationTokenSource();
            _nextTerm.TrySetResult(_term.Token);
        }

        _logger.LogInformation("Started leading on {Lease} as {Identity}", _lock.Describe(), _lock.Identity);
        Changed?.Invoke(true);
    }

    private void EndTerm()
    {
        CancellationTokenSource? ended;
        lock (_gate)
        {
            ended = _term;
            _term = null;
            if (ended is not null)
            {
                _nextTerm = NewTermSignal();
            }
        }

        if (ended is null)
        {
            return;
        }

        // Not disposed: holders of the term's token may still link to it after the term ended.
        ended.Cancel();
        _logger.LogWarning("Stopped leading on {Lease}", _lock.Describe());
        Changed?.Invoke(false);
    }

    /// <summary>Gives the lease up if this instance still holds it, so the next leader need not wait for it to expire.</summary>
    private async Task ReleaseAsync()
    {
        using var timeout = new CancellationTokenSource(_settings.RenewDeadline);
        try
        {
            var record = await _lock.GetAsync(timeout.Token).ConfigureAwait(false);
            if (record is null || record.HolderIdentity != _lock.Identity)
            {
                return;
            }

            // An empty holder is what client-go writes on release: candidates may take it at once.
            var released = new LeaderElectionRecord
            {
                HolderIdentity = string.Empty,
                LeaseDurationSeconds = 1,
                AcquireTime = record.AcquireTime,
                RenewTime = DateTime.UtcNow,
                LeaderTransitions = record.LeaderTransitions,
            };
            if (await _lock.UpdateAsync(released, timeout.Token).ConfigureAwait(false))
            {
                _logger.LogInformation("Released lease {Lease}", _lock.Describe());
            }
        }
        catch (Exception error)
        {
            // Best effort: if this fails, the lease simply expires after its duration.
            _logger.LogWarning(error, "Could not release lease {Lease}", _lock.Describe());
        }
    }

    private static TaskCompletionSource<CancellationToken> NewTermSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
