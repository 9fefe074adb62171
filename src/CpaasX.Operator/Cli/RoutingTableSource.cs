using System.CommandLine;
using System.Text.Json;

using CpaasX.Operator.Hosting;
using CpaasX.Operator.Writing;
using CpaasX.Routing.Table;

using k8s;

namespace CpaasX.Operator.Cli;

/// <summary>
/// Where a command reads a routing table from: a file (<c>--routing</c>) or a namespace's routing ConfigMap in the
/// cluster (<c>--namespace</c>, with <c>--kubeconfig</c> or KUBECONFIG or the in-cluster account); exactly one of the two.
/// </summary>
internal sealed class RoutingTableSource(Func<string, string?> environment)
{
    private readonly Option<string?> _routing = new("--routing") { Description = "The routing table: routing.json, routing.json.gz, or a mounted ConfigMap directory holding one." };
    private readonly Option<string?> _namespace = new("--namespace") { Description = "Read the routing ConfigMap of this namespace from the cluster instead of a file." };
    private readonly Option<string?> _kubeconfig = new("--kubeconfig") { Description = "The cluster's kubeconfig for --namespace (default KUBECONFIG, else in-cluster)." };
    private readonly Option<string> _configMapName = new("--configmap-name")
    {
        Description = "The routing ConfigMap's name for --namespace.",
        DefaultValueFactory = _ => OperatorOptions.DefaultConfigMapName,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_routing);
        command.Options.Add(_namespace);
        command.Options.Add(_kubeconfig);
        command.Options.Add(_configMapName);
    }

    public RoutingTable Load(ParseResult parseResult) =>
        (parseResult.GetValue(_routing), parseResult.GetValue(_namespace)) switch
        {
            ({ } path, null) => FromFile(path),
            (null, { } @namespace) => FromCluster(parseResult, @namespace),
            _ => throw new UsageException("Give exactly one of --routing FILE and --namespace NS."),
        };

    private static RoutingTable FromFile(string path)
    {
        try
        {
            return RoutingTableJson.Load(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException or InvalidDataException)
        {
            throw new UsageException($"--routing: cannot read a routing table from '{path}': {exception.Message}", exception);
        }
    }

    private RoutingTable FromCluster(ParseResult parseResult, string @namespace)
    {
        var name = parseResult.GetRequiredValue(_configMapName);
        var configuration = ClusterConnection.Configure(
            ClusterConnection.KubeconfigFiles(parseResult.GetValue(_kubeconfig), environment(ClusterConnection.KubeconfigVariable)));
        using var client = new Kubernetes(configuration);
        try
        {
            // The command is synchronous; one request, nothing to overlap it with.
            var configMap = client.CoreV1.ReadNamespacedConfigMapAsync(name, @namespace).GetAwaiter().GetResult();
            var stored = RoutingPayload.StoredTable(configMap.Data, configMap.BinaryData)
                ?? throw new UsageException($"--namespace: ConfigMap {@namespace}/{name} holds neither {RoutingPayload.JsonKey} nor {RoutingPayload.GzipKey}.");
            return RoutingTableJson.Deserialize(stored);
        }
        catch (Exception exception) when (ApiErrors.IsNotFound(exception))
        {
            throw new UsageException($"--namespace: no ConfigMap {@namespace}/{name} (does the namespace hold CPaaS X objects, and is the operator running?).", exception);
        }
        catch (Exception exception) when (exception is JsonException or InvalidDataException or HttpRequestException)
        {
            throw new UsageException($"--namespace: cannot read the routing table of {@namespace}/{name}: {exception.Message}", exception);
        }
    }
}
