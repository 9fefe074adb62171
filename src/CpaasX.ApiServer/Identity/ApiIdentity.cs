namespace CpaasX.ApiServer.Identity;

/// <summary>
/// Someone the server knows: <paramref name="Name"/> is the kubeconfig user and context that carry its token,
/// <paramref name="UserName"/> the user RBAC and admission policies see (request.userInfo.username).
/// </summary>
public sealed record ApiIdentity(string Name, string UserName, ApiAccess Access)
{
    /// <summary>The verbs a read-only identity may use, as the built-in <c>view</c> role grants them.</summary>
    private static readonly HashSet<string> ReadVerbs = new(["get", "list", "watch"], StringComparer.Ordinal);

    /// <summary>
    /// The non-resource URLs (<c>/metrics</c>) this identity may <c>get</c>, as an RBAC rule's <c>nonResourceURLs</c>
    /// with the verb get: an exact path, or a prefix ending in <c>*</c>. Only SubjectAccessReviews ask about them.
    /// </summary>
    public IReadOnlyList<string> NonResourceUrls { get; init; } = [];

    /// <summary>Everything, as kubectl's usual cluster-admin; the kubeconfig's current context.</summary>
    public static ApiIdentity Admin { get; } = new("cpaasx-embedded", "cpaasx-embedded-admin", ApiAccess.ReadWrite) { NonResourceUrls = ["*"] };

    /// <summary>get, list and watch only; any write is 403 Forbidden, as RBAC answers a user without write rights.</summary>
    public static ApiIdentity Viewer { get; } = new("viewer", "cpaasx-embedded-viewer", ApiAccess.ReadOnly);

    /// <summary>The operator's ServiceAccount as the API sees it in a cluster installed with config/default.</summary>
    public static ApiIdentity Operator { get; } = new("operator", "system:serviceaccount:cpaasx-system:cpaasx-operator", ApiAccess.ReadWrite);

    /// <summary>
    /// A Prometheus ServiceAccount bound to config/rbac's <c>metrics-reader</c> ClusterRole: it may scrape a secured
    /// <c>/metrics</c> and read like the viewer.
    /// </summary>
    public static ApiIdentity MetricsReader { get; } = new("metrics-reader", "system:serviceaccount:monitoring:prometheus", ApiAccess.ReadOnly) { NonResourceUrls = ["/metrics"] };

    /// <summary>The identities a server knows unless its options say otherwise.</summary>
    public static IReadOnlyList<ApiIdentity> Defaults { get; } = [Admin, Viewer, Operator, MetricsReader];

    /// <summary>Whether this identity may use <paramref name="verb"/> on resources: any verb read-write, get, list and watch read-only.</summary>
    public bool MayUse(string verb) => Access == ApiAccess.ReadWrite || ReadVerbs.Contains(verb);

    /// <summary>Whether this identity may use <paramref name="verb"/> on the non-resource URL <paramref name="path"/> (see <see cref="NonResourceUrls"/>).</summary>
    public bool MayUse(string verb, string path) =>
        verb == "get" && NonResourceUrls.Any(url => url.EndsWith('*') ? path.StartsWith(url[..^1], StringComparison.Ordinal) : path == url);
}
