using System.CommandLine;

using CpaasX.Operator.Cli;
using CpaasX.Operator.Tests.Support;

using k8s;

namespace CpaasX.Operator.Tests.Cli;

public sealed class LocalCommandTests
{
    [Fact]
    public async Task Local_installs_the_samples_publishes_their_routing_and_serves_the_console_over_them_until_stopped()
    {
        var folder = Directory.CreateTempSubdirectory("local-command-");
        var kubeconfig = Path.Combine(folder.FullName, "nested", "kubeconfig");
        using var stop = new CancellationTokenSource();
        var output = new StringWriter();
        try
        {
            var running = LocalCommand.Create()
                .Parse(["--kubeconfig", kubeconfig, "--config-dir", RepositoryRoot.Combine("config")])
                .InvokeAsync(new InvocationConfiguration { Output = output }, stop.Token);
            // The summary, console line included, is printed once everything runs.
            await OperatorCluster.EventuallyAsync(() => Task.FromResult(ConsoleCommandTests.ConsoleLine().IsMatch(output.ToString()) || running.IsCompleted), "the console line is printed");
            Assert.False(running.IsCompleted, output.ToString());
            using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));

            await OperatorCluster.EventuallyAsync(
                async () => (await client.CoreV1.ListConfigMapForAllNamespacesAsync(labelSelector: "app.kubernetes.io/managed-by=cpaasx-operator")).Items
                    .Select(configMap => configMap.Metadata.NamespaceProperty).Order().SequenceEqual(["helpdesk", "notify-saas", "shop"]),
                "each sample namespace has its routing ConfigMap");
            // The printed console answers, as the admin, over the samples.
            var resources = await ConsoleCommandTests.OpenPrintedUrlAsync(output.ToString());
            await stop.CancelAsync();

            Assert.Equal(0, await running);
            Assert.Contains($"kubectl --kubeconfig {kubeconfig} get cpaasx -A", output.ToString(), StringComparison.Ordinal);
            // Samples of two namespaces (customers and inbound): the console shows every namespace.
            Assert.Contains("<td>acme-nj</td>", resources, StringComparison.Ordinal);
            Assert.Contains("<td>support-line</td>", resources, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_config_dir_without_crds_is_a_usage_error()
    {
        var error = new StringWriter();

        var exitCode = await LocalCommand.Create().Parse(["--config-dir", Path.GetTempPath()]).InvokeAsync(new InvocationConfiguration { Error = error });

        Assert.Equal(2, exitCode);
        Assert.Contains("has no crds/ folder", error.ToString(), StringComparison.Ordinal);
    }
}
