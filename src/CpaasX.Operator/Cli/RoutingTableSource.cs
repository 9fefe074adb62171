using System.CommandLine;
using System.Text.Json;

using CpaasX.Operator.Hosting;
using CpaasX.Operator.Writing;

using CpaasX.Routing.Table;

using k8s;

namespace CpaasX.Operator.Cli;

/// <summary>
/// Where a command reads a routing table from: a file (<c>--routing</c>), or a namespace's routing ConfigMap in the
/// cluster found as kubectl finds it (<see cref="ClusterConnection"/>; <c>--context</c>), that namespace being
/// <c>--namespace</c> or, as for kubectl and so for <c>kubectl cpaasx</c>, the context's namespace (else <c>default</c>).
/// </summary>
internal sealed class RoutingTableSource(Func<string, string?> environment)
{
    private readonly Option<string?> _routing = new("--routing") { Description = "The routing table: routing.json, routing.json.gz, or the directory where its ConfigMap is mounted (sharded or not)." };
    private readonly Option<string?> _namespace = new("--namespace", "-n") { Description = "The namespace whose routing ConfigMap is read (default: the kubeconfig context's namespace)." };
    private readonly Option<string?> _kubeconfig = new("--kubeconfig") { Description = "The cluster's kubeconfig (default KUBECONFIG, else ~/.kube/config, else in-cluster)." };
    private readonly Option<string?> _context = new("--context") { Description = "The kubeconfig context to use (default its current context)." };
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
        command.Options.Add(_context);
        command.Options.Add(_configMapName);
    }

    public RoutingTable Load(ParseResult parseResult) =>
        (parseResult.GetValue(_routing), parseResult.GetValue(_namespace)) switch
        {
            ({ } path, null) => FromFile(path),
            (null, var @namespace) => FromCluster(parseResult, @namespace),
            _ => throw new UsageException("Give --routing FILE or --namespace NS, not both."),
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

    private RoutingTable FromCluster(ParseResult parseResult, string? namespaceFlag)
    {
        var configuration = ClusterConnection.Configure(parseResult.GetValue(_kubeconfig), parseResult.GetValue(_context), environment);
        using var client = new Kubernetes(configuration);
        try
        {
            return PublishedRoutingTable.Read(client, namespaceFlag ?? configuration.Namespace ?? "default", parseResult.GetRequiredValue(_configMapName));
        }
        catch (UnreadableRoutingTableException exception)
        {
            throw new UsageException($"--namespace: {exception.Message}", exception);
        }
    }
}
