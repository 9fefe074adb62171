using k8s;

namespace CpaasX.Operator.Hosting;

/// <summary>
/// How the commands reach a cluster, finding the kubeconfig as kubectl does: the <c>--kubeconfig</c> file; else the files
/// listed in KUBECONFIG (separated by <see cref="Path.PathSeparator"/>, empty entries and missing files skipped); else
/// <c>$HOME/.kube/config</c> when it exists; else the in-cluster service account. An empty flag or variable counts as
/// unset. Where kubectl merges several listed files, the first existing one is read alone (KubernetesClient does not
/// expose its merge for files it is given).
/// </summary>
internal static class ClusterConnection
{
    public const string KubeconfigVariable = "KUBECONFIG";
    public const string HomeVariable = "HOME";

    /// <summary>The kubeconfig files to read, in order of precedence; none means the in-cluster service account.</summary>
    /// <param name="home">The HOME directory, whose <c>.kube/config</c> is kubectl's default file.</param>
    public static IReadOnlyList<string> KubeconfigFiles(string? flag, string? variable, string? home)
    {
        if (!string.IsNullOrWhiteSpace(flag))
        {
            return [flag];
        }

        var listed = (variable ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        if (listed.Count > 0)
        {
            return listed;
        }

        var defaultFile = string.IsNullOrWhiteSpace(home) ? null : Path.Combine(home, ".kube", "config");
        return defaultFile is not null && File.Exists(defaultFile) ? [defaultFile] : [];
    }

    /// <summary>A command's cluster from its <c>--kubeconfig</c> and <c>--context</c> flags and the environment, as kubectl finds it.</summary>
    public static KubernetesClientConfiguration Configure(string? kubeconfigFlag, string? context, Func<string, string?> environment) =>
        Configure(KubeconfigFiles(kubeconfigFlag, environment(KubeconfigVariable), environment(HomeVariable)), context);

    /// <param name="context">The kubeconfig context to use; null for its current context.</param>
    public static KubernetesClientConfiguration Configure(IReadOnlyList<string> kubeconfigFiles, string? context = null)
    {
        if (kubeconfigFiles.Count > 0)
        {
            var first = kubeconfigFiles.FirstOrDefault(File.Exists)
                ?? throw new UsageException(
                    $"--kubeconfig (or {KubeconfigVariable}): no such file: {string.Join(", ", kubeconfigFiles.Select(path => $"'{path}'"))}.");
            try
            {
                return KubernetesClientConfiguration.BuildConfigFromConfigFile(first, currentContext: context);
            }
            catch (Exception exception) when (exception is k8s.Exceptions.KubeConfigException or YamlDotNet.Core.YamlException)
            {
                // A context the file does not have, or a file that is no kubeconfig: the user's input, said plainly.
                throw new UsageException($"kubeconfig '{first}': {exception.Message}", exception);
            }
        }

        return KubernetesClientConfiguration.IsInCluster()
            ? KubernetesClientConfiguration.InClusterConfig()
            : throw new UsageException($"No cluster: give --kubeconfig, set {KubeconfigVariable}, or run in a pod with a service account.");
    }
}
