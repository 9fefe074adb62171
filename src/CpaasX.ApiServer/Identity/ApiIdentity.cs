namespace CpaasX.ApiServer.Identity;

/// <summary>
/// Someone the server knows: <paramref name="Name"/> is the kubeconfig user and context that carry its token,
/// <paramref name="UserName"/> the user RBAC and admission policies see (request.userInfo.username).
/// </summary>
public sealed record ApiIdentity(string Name, string UserName, ApiAccess Access)
{
    /// <summary>Everything, as kubectl's usual cluster-admin; the kubeconfig's current context.</summary>
    public static ApiIdentity Admin { get; } = new("cpaasx-embedded", "cpaasx-embedded-admin", ApiAccess.ReadWrite);

    /// <summary>get, list and watch only; any write is 403 Forbidden, as RBAC answers a user without write rights.</summary>
    public static ApiIdentity Viewer { get; } = new("viewer", "cpaasx-embedded-viewer", ApiAccess.ReadOnly);

    /// <summary>The operator's ServiceAccount as the API sees it in a cluster installed with config/default.</summary>
    public static ApiIdentity Operator { get; } = new("operator", "system:serviceaccount:cpaasx-system:cpaasx-operator", ApiAccess.ReadWrite);

    /// <summary>The identities a server knows unless its options say otherwise.</summary>
    public static IReadOnlyList<ApiIdentity> Defaults { get; } = [Admin, Viewer, Operator];
}
