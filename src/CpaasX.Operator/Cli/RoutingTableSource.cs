using System.CommandLine;
using System.Text.Json;

using CpaasX.Operator.Hosting;
using CpaasX.Operator.Runtime.Client;
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
        return Read(client, namespaceFlag ?? configuration.Namespace ?? "default", parseResult.GetRequiredValue(_configMapName));
    }

    /// <summary>
    /// The routing table published in ConfigMap <paramref name="name"/> of <paramref name="namespace"/> (sharded or not),
    /// read with <paramref name="client"/>; a missing or unreadable one is a <see cref="UsageException"/> saying why.
    /// </summary>
    public static RoutingTable Read(IKubernetes client, string @namespace, string name)
    {
        try
        {
            // The commands are synchronous; one request, nothing to overlap it with.
            var configMap = client.CoreV1.ReadNamespacedConfigMapAsync(name, @namespace).GetAwaiter().GetResult();
            if (configMap.Data?.TryGetValue(RoutingPayload.IndexKey, out var index) == true)
            {
                return FromShards(client, @namespace, RoutingTableIndex.Parse(System.Text.Encoding.UTF8.GetBytes(index)));
            }

            var stored = RoutingPayload.StoredTable(configMap.Data, configMap.BinaryData)
                ?? throw new UsageException($"--namespace: ConfigMap {@namespace}/{name} holds none of {RoutingPayload.JsonKey}, {RoutingPayload.GzipKey} or {RoutingPayload.IndexKey}.");
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

    /// <summary>A sharded table: each shard the index names, read from its ConfigMap (a shard gone is a missing piece).</summary>
    private static RoutingTable FromShards(IKubernetes client, string @namespace, RoutingTableIndex index) =>
        index.Assemble(shard =>
        {
            try
            {
                var configMap = client.CoreV1.ReadNamespacedConfigMapAsync(shard.ConfigMap, @namespace).GetAwaiter().GetResult();
                return configMap.BinaryData?.TryGetValue(shard.Key, out var piece) == true ? piece : null;
            }
            catch (Exception exception) when (ApiErrors.IsNotFound(exception))
            {
                return null;
            }
        });
}
