using System.Diagnostics;
using System.Globalization;

using CpaasX.Operator.Compilation;
using CpaasX.Operator.Observability;
using CpaasX.Operator.Runtime;
using CpaasX.Operator.Writing;

namespace CpaasX.Benchmarks;

/// <summary>
/// Runs the server's write paths (creates with their CEL rules, status updates, finalizer patches, a ConfigMap) on a
/// throwaway server before anything is timed. The embedded server runs in the benchmark's own process: without this,
/// whichever run came first would meet code the JIT had not optimized yet, and the runs after it would not.
/// </summary>
internal static class ServerWarmUp
{
    private const int Objects = 5_000;

    public static async Task RunAsync(string crds)
    {
        var stopwatch = Stopwatch.StartNew();
        var objects = SyntheticObjects.Snapshot(SyntheticObjects.ResourcesFor(Objects)).All.ToList();
        await using var server = await OperatorLoad.StartEmptyServerAsync(crds);
        using var client = server.CreateClient();
        var created = await OperatorLoad.CreateAllAsync(client, objects, 16);
        var compiled = NamespaceCompiler.Compile(NamespaceSnapshot.Of(SyntheticObjects.Namespace, created), ResourceValueIndex.Build(created.OfType<Operator.Api.V1Alpha1.Resource>()), DateTimeOffset.UtcNow);
        await new BareClient(client).WriteAsync(compiled);
        var writer = new CustomObjectWriter(new ApiHttp(client), new OperatorMetrics());
        await Parallel.ForEachAsync(compiled.Objects, async (obj, cancellationToken) =>
            await writer.WriteFinalizerAsync(obj.Object, null, obj.KeepsFinalizer, cancellationToken));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"server warmed up on {objects.Count} objects in {stopwatch.Elapsed.TotalSeconds:F1} s (untimed)"));
    }
}
