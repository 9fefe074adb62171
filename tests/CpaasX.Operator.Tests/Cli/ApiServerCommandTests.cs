using System.CommandLine;

using CpaasX.Operator.Cli;
using CpaasX.Testing;

using k8s;

namespace CpaasX.Operator.Tests.Cli;

public sealed class ApiServerCommandTests
{
    [Fact]
    public async Task Apiserver_writes_a_kubeconfig_clients_accept_and_runs_until_stopped()
    {
        var folder = Directory.CreateTempSubdirectory("apiserver-command-").FullName;
        var kubeconfig = Path.Combine(folder, "kubeconfig");
        using var stop = new CancellationTokenSource();
        var output = new StringWriter();
        try
        {
            var running = ApiServerCommand.Create().Parse(["--kubeconfig", kubeconfig]).InvokeAsync(new InvocationConfiguration { Output = output }, stop.Token);
            // The kubeconfig is moved into place whole once the server listens; a command that exits first fails here.
            await Eventually.UntilAsync(
                () => Task.FromResult(File.Exists(kubeconfig) || running.IsCompleted), TimeSpan.FromSeconds(30), "the apiserver command wrote its kubeconfig");
            Assert.False(running.IsCompleted, $"the apiserver command exited before serving: {output}");

            using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));
            var namespaces = await client.CoreV1.ListNamespaceAsync();
            await stop.CancelAsync();
            var exitCode = await running;

            Assert.Contains(namespaces.Items, n => n.Metadata.Name == "default");
            Assert.Equal(0, exitCode);
            Assert.Contains("listening on https://127.0.0.1:", output.ToString());
            Assert.Contains("contexts: cpaasx-embedded, viewer, operator", output.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
