using System.CommandLine;
using System.Text.Json;

using CpaasX.Operator.Cli;
using CpaasX.Operator.Observability;
using CpaasX.Operator.Tests.Support;
using CpaasX.Operator.Writing;
using CpaasX.Routing.Model;
using CpaasX.Routing.Table;

using Microsoft.Extensions.Logging.Abstractions;

namespace CpaasX.Operator.Tests.Cli;

/// <summary><c>resolve ... --namespace NS</c>: the table comes from the namespace's routing ConfigMap in the cluster.</summary>
public sealed class ResolveFromClusterTests : IAsyncLifetime
{
    private const string Namespace = "shop";
    private static readonly SenderResource MainLine = new("main-line", ResourceType.Number, "+12015550101", NumberType.VirtualLongNumber, "US");

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("resolve-cluster-");
    private OperatorCluster _cluster = null!;
    private RoutingConfigMapPublisher _publisher = null!;
    private string _kubeconfig = "";

    public async Task InitializeAsync()
    {
        _cluster = await OperatorCluster.StartAsync(installCrds: false);
        await _cluster.CreateNamespaceAsync(Namespace);
        _kubeconfig = Path.Combine(_directory.FullName, "kubeconfig");
        _cluster.Server.WriteKubeconfig(_kubeconfig);
        var events = new EventRecorder(_cluster.Client, "test", TimeProvider.System, NullLogger.Instance);
        _publisher = new RoutingConfigMapPublisher(_cluster.Client, "cpaasx-routing", new OperatorMetrics(), events, NullLogger.Instance);
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task Outbound_resolves_from_the_routing_json_of_the_namespace()
    {
        await _publisher.PublishTableAsync(_cluster, Namespace, Table());

        var (exitCode, output, error) = await RunAsync("outbound", "--namespace", Namespace, "--kubeconfig", _kubeconfig, "--application", "checkout-prod", "--channel", "SMS", "--to", "+13125550000");

        Assert.True(exitCode == 0, error);
        Assert.Equal("+12015550101", JsonDocument.Parse(output).RootElement.GetProperty("sender").GetString());
    }

    [Fact]
    public async Task Inbound_resolves_from_a_gzipped_table()
    {
        // Enough applications to push the table over the plain-text limit.
        var table = Table() with { Applications = TestTables.Compressible(Namespace).Applications };
        Assert.Equal(WriteOutcome.Written, await _publisher.PublishTableAsync(_cluster, Namespace, table));
        Assert.NotNull((await _cluster.GetConfigMapAsync(Namespace))!.BinaryData);

        var (exitCode, output, error) = await RunAsync("inbound", "--namespace", Namespace, "--kubeconfig", _kubeconfig, "--number", "+12015550101", "--channel", "SMS", "--text", "stop now");

        Assert.True(exitCode == 0, error);
        Assert.Equal("support", JsonDocument.Parse(output).RootElement.GetProperty("applicationId").GetString());
    }

    [Fact]
    public async Task Inbound_resolves_from_a_sharded_table_read_from_the_cluster_or_a_mounted_directory()
    {
        // Random application IDs: over the limit even gzipped, so the table is sharded.
        var table = Table() with { Applications = TestTables.Incompressible(Namespace).Applications };
        Assert.Equal(WriteOutcome.Written, await _publisher.PublishTableAsync(_cluster, Namespace, table));
        Assert.True((await _cluster.ManagedConfigMapsAsync(Namespace)).Count > 2);
        var mounted = await _cluster.MountRoutingAsync(Namespace);

        var fromCluster = await RunAsync("inbound", "--namespace", Namespace, "--kubeconfig", _kubeconfig, "--number", "+12015550101", "--channel", "SMS", "--text", "stop now");
        var fromDirectory = await RunAsync("inbound", "--routing", mounted, "--number", "+12015550101", "--channel", "SMS", "--text", "stop now");

        Assert.True(fromCluster.ExitCode == 0, fromCluster.Error);
        Assert.Equal("support", JsonDocument.Parse(fromCluster.Output).RootElement.GetProperty("applicationId").GetString());
        Assert.Equal((0, fromCluster.Output), (fromDirectory.ExitCode, fromDirectory.Output));
    }

    [Fact]
    public async Task A_namespace_without_a_routing_ConfigMap_is_a_usage_error()
    {
        var (exitCode, _, error) = await RunAsync("outbound", "--namespace", Namespace, "--kubeconfig", _kubeconfig, "--application", "x", "--channel", "SMS", "--to", "+13125550000");

        Assert.Equal(2, exitCode);
        Assert.Contains("no ConfigMap shop/cpaasx-routing", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_flag_the_kubeconfig_variable_is_read_as_a_path_list()
    {
        await _publisher.PublishTableAsync(_cluster, Namespace, Table());
        var missing = Path.Combine(_directory.FullName, "missing");

        var (exitCode, output, error) = await RunAsync(
            Kubeconfig($"{missing}{Path.PathSeparator}{_kubeconfig}"),
            "outbound", "--namespace", Namespace, "--application", "checkout-prod", "--channel", "SMS", "--to", "+13125550000");

        Assert.True(exitCode == 0, error);
        Assert.Equal("+12015550101", JsonDocument.Parse(output).RootElement.GetProperty("sender").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task An_unset_or_empty_kubeconfig_variable_means_in_cluster(string? variable)
    {
        var (exitCode, _, error) = await RunAsync(
            Kubeconfig(variable),
            "outbound", "--namespace", Namespace, "--application", "x", "--channel", "SMS", "--to", "+13125550000");

        Assert.Equal(2, exitCode);
        Assert.Contains("No cluster", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Routing_and_namespace_together_are_a_usage_error()
    {
        var (exitCode, _, error) = await RunAsync("outbound", "--routing", "routing.json", "--namespace", Namespace, "--application", "x", "--channel", "SMS", "--to", "+13125550000");

        Assert.Equal(2, exitCode);
        Assert.Contains("--routing FILE or --namespace NS, not both", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_routing_or_namespace_the_context_namespace_is_read_as_kubectl_does()
    {
        await _publisher.PublishTableAsync(_cluster, Namespace, Table());
        var kubectl = await ExternalCommand.RunAsync("kubectl", ["config", "set-context", "--current", "--namespace", Namespace, "--kubeconfig", _kubeconfig], _directory.FullName);
        Assert.True(kubectl.ExitCode == 0, kubectl.Describe());

        var (exitCode, output, error) = await RunAsync("outbound", "--kubeconfig", _kubeconfig, "--application", "checkout-prod", "--channel", "SMS", "--to", "+13125550000");

        Assert.True(exitCode == 0, error);
        Assert.Equal("+12015550101", JsonDocument.Parse(output).RootElement.GetProperty("sender").GetString());
    }

    private static RoutingTable Table() => new RoutingTableBuilder(Namespace)
        .AddAssociation("main-line-sms", MainLine, Channel.Sms, "checkout-prod", null)
        .AddInboundResource(MainLine, [Channel.Sms], applicationId: "checkout-prod")
        .AddInboundConfiguration("acme-stop", MainLine.Name, Channel.Sms, "STOP", "support", "acme")
        .Build();

    private static Func<string, string?> Kubeconfig(string? variable) => name => name == "KUBECONFIG" ? variable : null;

    private static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => RunAsync(Kubeconfig(null), args);

    // The command blocks on its one request; run it off the test's thread.
    private static Task<(int ExitCode, string Output, string Error)> RunAsync(Func<string, string?> environment, params string[] args) => Task.Run(() =>
    {
        var root = new RootCommand { ResolveCommand.Create(environment) };
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = root.Parse(["resolve", .. args]).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    });
}
