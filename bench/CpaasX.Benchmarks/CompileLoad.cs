using System.Diagnostics;
using System.Globalization;

using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Operator.Writing;
using CpaasX.Routing.Table;

namespace CpaasX.Benchmarks;

/// <summary>
/// The <c>compile-load</c> scenario: builds a namespace of <see cref="SyntheticObjects"/> (option --resources N,
/// default 20000), compiles it a few times (--runs N, default 5) and prints each run's elapsed time, the routing.json
/// size, what each compile allocated and the process's peak working set: what the operator holds and allocates for one namespace.
/// </summary>
internal static class CompileLoad
{
    public static Task<int> RunAsync(string[] args)
    {
        var resources = ScenarioOptions.Int(args, "--resources", 20_000);
        var runs = ScenarioOptions.Int(args, "--runs", 5);

        var snapshot = SyntheticObjects.Snapshot(resources);
        var index = SyntheticObjects.Index(snapshot);
        Console.WriteLine($"namespace: {snapshot.All.Count()} objects ({resources} Resources)");
        for (var run = 1; run <= runs; run++)
        {
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var stopwatch = Stopwatch.StartNew();
            var result = NamespaceCompiler.Compile(snapshot, index, DateTimeOffset.UnixEpoch);
            var compileAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var json = RoutingTableJson.Serialize(result.Table);
            stopwatch.Stop();
            RequireAllReady(result);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"run {run}: compile + serialize {stopwatch.ElapsedMilliseconds} ms, compile allocated {compileAllocated / (1024 * 1024)} MB, routing.json {json.Length / 1024} KiB, stored {StoredKiB(json)} (ConfigMap limit {RoutingPayload.MaxBytes / 1024} KiB)"));
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set: {process.PeakWorkingSet64 / (1024 * 1024)} MB"));
        return Task.FromResult(0);
    }

    // What the routing ConfigMap would hold: the plain JSON, or its gzip; "too large" when even that does not fit.
    private static string StoredKiB(byte[] json) =>
        RoutingPayload.Encode(json, RoutingTableJson.ContentHash(json)) is { } payload
            ? $"{payload.StoredBytes / 1024} KiB{(payload.Gzip is null ? "" : " gzipped")}"
            : "too large";

    /// <summary>Fails the run when the synthetic namespace did not compile as intended: every object Ready.</summary>
    public static void RequireAllReady(CompileResult result)
    {
        var notReady = result.Objects.FirstOrDefault(compiled =>
            compiled.DesiredStatus.FindReady()?.Status != ConditionStatuses.True);
        if (notReady is not null)
        {
            var ready = notReady.DesiredStatus.FindReady();
            throw new InvalidOperationException($"{notReady.Object.Kind}/{notReady.Object.Metadata.Name} is not Ready: {ready?.Reason}: {ready?.Message}");
        }
    }
}
