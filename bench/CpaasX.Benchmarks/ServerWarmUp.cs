using System.Diagnostics;
using System.Globalization;
using System.Runtime;

using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Operator.Observability;
using CpaasX.Operator.Runtime.Client;
using CpaasX.Operator.Writing;

using k8s;

namespace CpaasX.Benchmarks;

/// <summary>
/// Runs the server's paths (creates with their CEL rules, status updates, finalizer patches, a ConfigMap, and a watch
/// stream such as an operator reads) on throwaway servers before anything is timed, three rounds, so that the JIT has
/// optimized what the runs use. The embedded server runs in the benchmark's own process: whichever run came first
/// would otherwise pay for the server's compilation, and the runs after it would not.
/// </summary>
internal static class ServerWarmUp
{
    private const int Objects = 5_000;

    /// <summary>
    /// The methods the JIT compiles fall steeply from one round to the next: by the third, what is left is small beside
    /// a timed run (the counts per round and a round's length: docs/performance.md, Operator).
    /// </summary>
    private const int Rounds = 3;

    private static readonly TimeSpan JitPoll = TimeSpan.FromMilliseconds(300);

    public static async Task RunAsync(string crds)
    {
        var stopwatch = Stopwatch.StartNew();
        var objects = SyntheticObjects.Snapshot(SyntheticObjects.ResourcesFor(Objects)).All.ToList();

        // The JIT optimizes a method once it is called 30 more times after start-up's new code has calmed down for
        // 100 ms, in the background: one round leaves most of that to whatever runs next.
        var compiled = new List<long>();
        for (var round = 0; round < Rounds; round++)
        {
            var before = JitInfo.GetCompiledMethodCount();
            await RoundAsync(crds, objects);

            // Whatever the round queued for optimizing is compiled before the next starts.
            await Steady.WaitAsync(() => JitInfo.GetCompiledMethodCount(), JitPoll);
            compiled.Add(JitInfo.GetCompiledMethodCount() - before);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"server warmed up on {objects.Count} objects in {Rounds} rounds, {stopwatch.Elapsed.TotalSeconds:F1} s (untimed); methods compiled per round: {string.Join(", ", compiled)}"));
    }

    private static async Task RoundAsync(string crds, IReadOnlyList<ICustomResource> objects)
    {
        await using var server = await OperatorLoad.StartEmptyServerAsync(crds);
        using var client = server.CreateClient();
        using var stopWatching = new CancellationTokenSource();
        var watch = DiscardWatchAsync(client, stopWatching.Token);
        var created = await OperatorLoad.CreateAllAsync(client, objects, 16);
        var compiled = NamespaceCompiler.Compile(NamespaceSnapshot.Of(SyntheticObjects.Namespace, created), ResourceValueIndex.Build(created.OfType<Resource>()), DateTimeOffset.UtcNow);
        await new BareClient(client).WriteAsync(compiled);
        var writer = new CustomObjectWriter(new ApiHttp(client), new OperatorMetrics());
        await Parallel.ForEachAsync(compiled.Objects, async (obj, cancellationToken) =>
            await writer.WriteFinalizerAsync(obj.Object, null, obj.KeepsFinalizer, cancellationToken));
        await stopWatching.CancelAsync();
        await watch;
    }

    /// <summary>Watches every Resource of the namespace and throws away what comes, until cancelled.</summary>
    private static async Task DiscardWatchAsync(Kubernetes client, CancellationToken cancellationToken)
    {
        var path = CustomResourceKinds.Resource.ApiResource.CollectionPath(SyntheticObjects.Namespace);
        try
        {
            using var response = await new ApiHttp(client).GetAsync($"{path}?watch=true", cancellationToken);
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            await body.CopyToAsync(Stream.Null, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The round is over.
        }
    }
}
