namespace CpaasX.ApiServer;

/// <summary>A kubeconfig that kubectl and KubernetesClient both accept for a plain-HTTP loopback server.</summary>
internal static class KubeconfigWriter
{
    private const string Name = "cpaasx-embedded";

    public static string Render(string server, string token) => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: {Name}
          cluster:
            server: {server}
        users:
        - name: {Name}
          user:
            token: {token}
        contexts:
        - name: {Name}
          context:
            cluster: {Name}
            user: {Name}
            namespace: default
        current-context: {Name}

        """;
}
