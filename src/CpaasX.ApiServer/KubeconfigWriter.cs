using System.Text;

using CpaasX.ApiServer.Identity;

namespace CpaasX.ApiServer;

/// <summary>
/// A kubeconfig that kubectl and KubernetesClient both accept for the loopback server: its certificate as the
/// authority to trust, one user and one context per identity, named after it, the first identity's context current.
/// </summary>
internal static class KubeconfigWriter
{
    private const string ClusterName = "cpaasx-embedded";

    public static string Render(string server, string certificateAuthorityData, IReadOnlyList<(ApiIdentity Identity, string Token)> users)
    {
        var text = new StringBuilder($"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: {ClusterName}
              cluster:
                server: {server}
                certificate-authority-data: {certificateAuthorityData}
            users:

            """);
        foreach (var (identity, token) in users)
        {
            text.Append($"""
                - name: {identity.Name}
                  user:
                    token: {token}

                """);
        }

        text.Append("contexts:\n");
        foreach (var (identity, _) in users)
        {
            text.Append($"""
                - name: {identity.Name}
                  context:
                    cluster: {ClusterName}
                    user: {identity.Name}
                    namespace: default

                """);
        }

        text.Append($"current-context: {users[0].Identity.Name}\n");
        return text.ToString();
    }
}
