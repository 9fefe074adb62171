using System.Net;

using CpaasX.Operator.PlatformSync;
using CpaasX.Operator.Reconciliation;
using CpaasX.Operator.Runtime.LeaderElection;
using CpaasX.Operator.Runtime.ReconcileLoop;

using Microsoft.Extensions.Logging;

namespace CpaasX.Operator.Hosting;

/// <summary>How one operator instance runs; built from flags and environment by <see cref="OperatorOptionsReader"/>.</summary>
public sealed record OperatorOptions
{
    public const string DefaultConfigMapName = "cpaasx-routing";

    /// <summary>The probes' address in config/manager/deployment.yaml.</summary>
    public static readonly IPEndPoint DefaultHttpEndpoint = new(IPAddress.Any, 8080);

    /// <summary>The metrics' address in config/manager/deployment.yaml: 8443, kubebuilder's port for secured metrics.</summary>
    public static readonly IPEndPoint DefaultMetricsEndpoint = new(IPAddress.Any, 8443);

    /// <summary>The namespaces to watch and reconcile; empty means all.</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    public string ConfigMapName { get; init; } = DefaultConfigMapName;

    public int Workers { get; init; } = ControllerSettings.DefaultWorkers;

    /// <summary>How long a namespace's events must pause before it is reconciled; zero reconciles at once.</summary>
    public TimeSpan SettleDelay { get; init; } = NamespaceEnqueuer.DefaultSettleDelay;

    /// <summary>Off: this instance writes from the start (one replica, local mode, tests).</summary>
    public bool LeaderElect { get; init; }

    public string LeaseNamespace { get; init; } = "default";

    public string LeaseName { get; init; } = LeaderElectionSettings.DefaultLeaseName;

    /// <summary>Where the probes /healthz and /readyz are served, plain HTTP without a token; port 0 picks a free port.</summary>
    public IPEndPoint HttpEndpoint { get; init; } = DefaultHttpEndpoint;

    /// <summary>Where /metrics is served; port 0 picks a free port; null serves no metrics.</summary>
    public IPEndPoint? MetricsEndpoint { get; init; } = DefaultMetricsEndpoint;

    /// <summary>
    /// On (kubebuilder's default): /metrics over HTTPS, each scrape authenticated by a TokenReview and authorised by a
    /// SubjectAccessReview for get on /metrics. Off: plain HTTP, open to whoever reaches the port.
    /// </summary>
    public bool MetricsSecure { get; init; } = true;

    /// <summary>A directory with tls.crt and tls.key for the secured metrics; null makes a self-signed certificate at start.</summary>
    public string? MetricsCertDirectory { get; init; }

    public LogFormat LogFormat { get; init; } = LogFormat.Text;

    /// <summary>The least severe level logged.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>The kubeconfig files in order of precedence (see <see cref="ClusterConnection"/>); none means the in-cluster service account.</summary>
    public IReadOnlyList<string> KubeconfigFiles { get; init; } = [];

    /// <summary>
    /// How long the informers may fail to list or watch (API server unreachable, watches refused) before /readyz and
    /// /healthz fail: the liveness probe then restarts a process whose view of the cluster has stopped moving.
    /// </summary>
    public TimeSpan StallTimeout { get; init; } = DefaultStallTimeout;

    /// <summary>Several retries at the informers' longest backoff (30 s): an API server restart or upgrade passes well within it.</summary>
    public static readonly TimeSpan DefaultStallTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Lease timings; the defaults are controller-runtime's, tests shorten them.</summary>
    public TimeSpan LeaseDuration { get; init; } = LeaderElectionSettings.DefaultLeaseDuration;

    public TimeSpan RenewDeadline { get; init; } = LeaderElectionSettings.DefaultRenewDeadline;

    public TimeSpan RetryPeriod { get; init; } = LeaderElectionSettings.DefaultRetryPeriod;

    /// <summary>
    /// How often a namespace's platform binding is checked and a bound namespace synced, besides after each of its
    /// reconciles: the Secret and the namespace's annotations are read by name, never watched, so this bounds how long
    /// a new or edited binding waits.
    /// </summary>
    public TimeSpan PlatformSyncInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The platform client's pacing and retries; the defaults follow the published throttling, tests shorten them.</summary>
    public PlatformClientOptions PlatformClient { get; init; } = new();
}
