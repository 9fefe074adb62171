using System.Text.Json;

using CpaasX.Operator.Tests.Support;

namespace CpaasX.Operator.Tests.Cli;

/// <summary>
/// <c>kubectl cpaasx ...</c>: kubectl finds the program on PATH under the name <c>kubectl-cpaasx</c> (what the .NET tool
/// package installs) and runs it, which then uses kubectl's kubeconfig and the current context's namespace.
/// </summary>
[Trait(EndToEndTraits.Category, EndToEndTraits.EndToEnd)]
[Collection(EndToEndTraits.Collection)]
public sealed class KubectlPluginTests : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kubectl-plugin-");
    private EndToEndCluster _cluster = null!;
    private string _pluginFolder = "";

    public async Task InitializeAsync()
    {
        // The program under the plugin's name, as `dotnet tool install` puts it on PATH.
        _pluginFolder = _directory.CreateSubdirectory("bin").FullName;
        File.CreateSymbolicLink(Path.Combine(_pluginFolder, "kubectl-cpaasx"), Path.Combine(AppContext.BaseDirectory, "cpaasx-operator"));
        _cluster = await EndToEndCluster.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task Kubectl_discovers_the_plugin_on_path()
    {
        var listed = await KubectlAsync(["plugin", "list"], kubeconfig: null);

        Assert.True(listed.ExitCode == 0, listed.Describe());
        Assert.Contains(Path.Combine(_pluginFolder, "kubectl-cpaasx"), listed.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_cpaasx_validate_checks_manifests()
    {
        var validated = await KubectlAsync(["cpaasx", "validate", "-f", RepositoryRoot.Combine("config", "samples")], kubeconfig: null);

        Assert.True(validated.ExitCode == 0, validated.Describe());
        Assert.Contains("0 invalid", validated.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_cpaasx_resolve_reads_the_routing_of_the_current_context_namespace()
    {
        await _cluster.ApplySamplesAsync("environments");
        await _cluster.WaitUntilPublishedAsync("shop", EndToEndCluster.CompiledHash("environments"));
        var kubeconfig = Path.Combine(_directory.FullName, "kubeconfig");
        File.Copy(_cluster.Kubectl.KubeconfigPath, kubeconfig);
        var setNamespace = await KubectlAsync(["config", "set-context", "--current", "--namespace", "shop"], kubeconfig);
        Assert.True(setNamespace.ExitCode == 0, setNamespace.Describe());

        var resolved = await KubectlAsync(["cpaasx", "resolve", "outbound", "--application", "checkout-prod", "--channel", "SMS", "--to", "+12015550199"], kubeconfig);

        Assert.True(resolved.ExitCode == 0, resolved.Describe());
        Assert.Equal("+12015550103", JsonDocument.Parse(resolved.StandardOutput).RootElement.GetProperty("sender").GetString());
    }

    private Task<ExternalCommandResult> KubectlAsync(string[] arguments, string? kubeconfig) =>
        ExternalCommand.RunAsync("kubectl", arguments, _directory.FullName, new Dictionary<string, string?>
        {
            ["PATH"] = $"{_pluginFolder}{Path.PathSeparator}{Environment.GetEnvironmentVariable("PATH")}",
            ["KUBECONFIG"] = kubeconfig,
        });
}
