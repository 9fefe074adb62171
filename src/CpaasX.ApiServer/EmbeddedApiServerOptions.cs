namespace CpaasX.ApiServer;

/// <summary>Settings of an <see cref="EmbeddedApiServer"/>.</summary>
public sealed record EmbeddedApiServerOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Bearer token written into kubeconfigs. Clients must present credentials; this server does not check them.</summary>
    public string Token { get; init; } = "embedded-api-server";

    /// <summary>Events kept for watches resuming from a resourceVersion; older ones answer 410 Expired, like etcd compaction.</summary>
    public int EventWindow { get; init; } = 100_000;

    /// <summary>How long a watch with allowWatchBookmarks stays idle before it gets a BOOKMARK.</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Namespaces that exist from the start, as on a fresh cluster.</summary>
    public IReadOnlyList<string> InitialNamespaces { get; init; } = ["default", "kube-system", "kube-public", "kube-node-lease"];

    /// <summary>Keep every request in <see cref="EmbeddedApiServer.RequestLog"/> (for RBAC proofs); off, only counters are kept.</summary>
    public bool RecordRequests { get; init; }
}
