using CpaasX.Operator.Api.Serialization;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Operator.Hosting;
using CpaasX.Operator.Writing;
using CpaasX.Routing.Resolution;
using CpaasX.Routing.Table;
using CpaasX.Testing;

using k8s;
using k8s.Models;

namespace CpaasX.Operator.Tests.Support;

/// <summary>
/// Where the end-to-end suite runs. By default: an embedded API server with the operator in-process, started after
/// the CRDs are installed. With <see cref="KubeconfigVariable"/> set: the cluster of that kubeconfig (kind), where
/// the operator is installed and running already. Either way the tests drive it with the real kubectl.
/// </summary>
internal sealed class EndToEndCluster : IAsyncDisposable
{
    public const string KubeconfigVariable = "CPAASX_E2E_KUBECONFIG";

    /// <summary>kubectl wait's limit: the suite's patience; a wait whose condition holds returns at once.</summary>
    public static readonly string Timeout = $"--timeout={OperatorCluster.PatienceLimit.TotalSeconds}s";
    private readonly OperatorCluster? _embedded;
    private readonly List<string> _scratchNamespaces = [];

    private EndToEndCluster(Kubectl kubectl, OperatorCluster? embedded)
    {
        Kubectl = kubectl;
        _embedded = embedded;
    }

    public Kubectl Kubectl { get; }

    /// <summary>Installs the CRDs with kubectl and, on the embedded server, starts the operator.</summary>
    public static async Task<EndToEndCluster> StartAsync()
    {
        var kubeconfig = Environment.GetEnvironmentVariable(KubeconfigVariable);
        EndToEndCluster cluster;
        if (string.IsNullOrEmpty(kubeconfig))
        {
            var embedded = await OperatorCluster.StartAsync(installCrds: false);
            cluster = new EndToEndCluster(new Kubectl(embedded.Server), embedded);
        }
        else
        {
            cluster = new EndToEndCluster(new Kubectl(kubeconfig), null);
        }

        await cluster.Kubectl.Ok($"apply -k {RepositoryRoot.Combine("config", "crds")}");
        await cluster.Kubectl.Ok($"wait --for=condition=Established crd --all {Timeout}");
        if (cluster._embedded is not null)
        {
            await cluster._embedded.StartOperatorAsync();
        }

        return cluster;
    }

    /// <summary>Applies one set of config/samples (environments, customers, inbound); kubectl apply also undoes what an earlier test changed.</summary>
    public Task ApplySamplesAsync(string set) => Kubectl.Ok($"apply -f {RepositoryRoot.Combine("config", "samples", set)}");

    public Task ApplyAsync(string manifest) => Kubectl.Ok("apply -f -", manifest);

    /// <summary>Waits until every cpaasx.io object of <paramref name="namespace"/> is Ready.</summary>
    public Task WaitAllReadyAsync(string @namespace) => Kubectl.Ok($"wait cpaasx --all -n {@namespace} --for=condition=Ready {Timeout}");

    /// <summary>Creates a namespace the suite owns; on a real cluster it is deleted when the test ends.</summary>
    public async Task CreateScratchNamespaceAsync(string name)
    {
        await Kubectl.Ok($"create namespace {name}");
        _scratchNamespaces.Add(name);
    }

    /// <summary>The stored Ready condition of an object ("kind/name"), or null when it has none.</summary>
    public async Task<V1Condition?> ReadyConditionAsync(string @namespace, string kindAndName)
    {
        var status = await Kubectl.Ok($"get {kindAndName} -n {@namespace} -o jsonpath={{.status.conditions[?(@.type==\\\"Ready\\\")]}}");
        return status.Stdout.Length == 0 ? null : KubernetesJson.Deserialize<V1Condition>(status.Stdout);
    }

    /// <summary>The routing ConfigMap of <paramref name="namespace"/> as kubectl reads it, or null when there is none.</summary>
    public async Task<V1ConfigMap?> RoutingConfigMapAsync(string @namespace)
    {
        var read = await Kubectl.Run($"get configmap {OperatorOptions.DefaultConfigMapName} -n {@namespace} -o json --ignore-not-found");
        Assert.True(read.ExitCode == 0, read.Stderr);
        return read.Stdout.Trim().Length == 0 ? null : KubernetesJson.Deserialize<V1ConfigMap>(read.Stdout);
    }

    /// <summary>A resolver over the routing table the operator published for <paramref name="namespace"/>.</summary>
    public async Task<RoutingResolver> ResolverAsync(string @namespace)
    {
        var resolver = EmbeddedSamples.ResolverOf(await RoutingConfigMapAsync(@namespace));
        Assert.NotNull(resolver);
        return resolver;
    }

    /// <summary>The routing hash the operator must publish for a sample set: that of the table compile builds from the same files.</summary>
    public static string CompiledHash(string set)
    {
        var objects = ManifestReader.ReadPath(RepositoryRoot.Combine("config", "samples", set)).Select(document => document.Resource).OfType<ICustomResource>();
        return RoutingTableJson.ContentHash(RoutingTableJson.Serialize(ManifestCompiler.Compile(objects, DateTimeOffset.UtcNow).Single().Table));
    }

    /// <summary>Waits until the routing ConfigMap of <paramref name="namespace"/> carries <paramref name="hash"/>.</summary>
    public Task WaitUntilPublishedAsync(string @namespace, string hash) =>
        OperatorCluster.EventuallyAsync(
            async () => (await RoutingConfigMapAsync(@namespace))?.Metadata.Annotations?[RoutingConfigMapPublisher.HashAnnotation] == hash,
            $"the routing ConfigMap of {@namespace} carries {hash}");

    /// <summary>Polls the published routing of <paramref name="namespace"/> until <paramref name="holds"/> is true for it.</summary>
    public Task EventuallyRoutedAsync(string @namespace, Func<RoutingResolver, bool> holds, string what) =>
        OperatorCluster.EventuallyAsync(async () => EmbeddedSamples.ResolverOf(await RoutingConfigMapAsync(@namespace)) is { } resolver && holds(resolver), what);

    public async ValueTask DisposeAsync()
    {
        if (_embedded is null)
        {
            foreach (var name in _scratchNamespaces)
            {
                await Kubectl.Run($"delete namespace {name} --wait=false");
            }
        }
        else
        {
            await _embedded.DisposeAsync();
        }

        Kubectl.Dispose();
    }
}
