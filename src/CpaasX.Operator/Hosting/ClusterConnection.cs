using CpaasX.Operator.Cli;

using k8s;

namespace CpaasX.Operator.Hosting;

/// <summary>How the commands reach a cluster: the kubeconfig given, else the in-cluster service account.</summary>
internal static class ClusterConnection
{
    public static KubernetesClientConfiguration Configure(string? kubeconfig)
    {
        if (kubeconfig is not null)
        {
            if (!File.Exists(kubeconfig))
            {
                throw new UsageException($"--kubeconfig: '{kubeconfig}' does not exist.");
            }

            return KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig);
        }

        return KubernetesClientConfiguration.IsInCluster()
            ? KubernetesClientConfiguration.InClusterConfig()
            : throw new UsageException("No cluster: give --kubeconfig, set KUBECONFIG, or run in a pod with a service account.");
    }
}
