using CpaasX.Operator.Cli;

using k8s;

namespace CpaasX.Operator.Hosting;

/// <summary>
/// How the commands reach a cluster, finding the kubeconfig as kubectl does: the <c>--kubeconfig</c> file; else the files
/// listed in KUBECONFIG (separated by <see cref="Path.PathSeparator"/>, empty entries and missing files skipped); else the
/// in-cluster service account. An empty flag or variable counts as unset. Where kubectl merges several listed files, the
/// first existing one is read alone (KubernetesClient does not expose its merge for files it is given).
/// </summary>
internal static class ClusterConnection
{
    public const string KubeconfigVariable = "KUBECONFIG";

    /// <summary>The kubeconfig files to read, in order of precedence; none means the in-cluster service account.</summary>
    public static IReadOnlyList<string> KubeconfigFiles(string? flag, string? variable) =>
        string.IsNullOrWhiteSpace(flag)
            ? [.. (variable ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)]
            : [flag];

    public static KubernetesClientConfiguration Configure(IReadOnlyList<string> kubeconfigFiles)
    {
        if (kubeconfigFiles.Count > 0)
        {
            var first = kubeconfigFiles.FirstOrDefault(File.Exists)
                ?? throw new UsageException(
                    $"--kubeconfig (or {KubeconfigVariable}): no such file: {string.Join(", ", kubeconfigFiles.Select(path => $"'{path}'"))}.");
            return KubernetesClientConfiguration.BuildConfigFromConfigFile(first);
        }

        return KubernetesClientConfiguration.IsInCluster()
            ? KubernetesClientConfiguration.InClusterConfig()
            : throw new UsageException($"No cluster: give --kubeconfig, set {KubeconfigVariable}, or run in a pod with a service account.");
    }
}
