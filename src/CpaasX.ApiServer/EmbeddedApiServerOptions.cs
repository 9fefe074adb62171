using CpaasX.ApiServer.Identity;

namespace CpaasX.ApiServer;

/// <summary>Settings of an <see cref="EmbeddedApiServer"/>.</summary>
public sealed record EmbeddedApiServerOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>
    /// Who may call the server, each with a bearer token drawn at random at start and written into the kubeconfig as a
    /// user and a context of its name; the first one's context is the current one.
    /// </summary>
    public IReadOnlyList<ApiIdentity> Identities { get; init; } = ApiIdentity.Defaults;

    /// <summary>Live events an open watch may fall behind by before the server closes it, as kube-apiserver closes a watcher too slow to keep up.</summary>
    public int WatcherBufferSize { get; init; } = 10_000;

    /// <summary>Events kept for watches resuming from a resourceVersion; older ones answer 410 Expired, like etcd compaction.</summary>
    public int EventWindow { get; init; } = 100_000;

    /// <summary>How long a watch with allowWatchBookmarks stays idle before it gets a BOOKMARK.</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Namespaces that exist from the start, as on a fresh cluster.</summary>
    public IReadOnlyList<string> InitialNamespaces { get; init; } = ["default", "kube-system", "kube-public", "kube-node-lease"];

    /// <summary>Keep every request in <see cref="EmbeddedApiServer.RequestLog"/> (for RBAC proofs); off, only counters are kept.</summary>
    public bool RecordRequests { get; init; }
}
