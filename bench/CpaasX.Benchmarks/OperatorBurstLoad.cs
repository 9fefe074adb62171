using System.Diagnostics;
using System.Globalization;

using CpaasX.ApiServer;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Operator.Hosting;
using CpaasX.Operator.Writing;
using CpaasX.Routing.Table;

using k8s;
using k8s.Autorest;

namespace CpaasX.Benchmarks;

/// <summary>
/// <c>operator-load --live</c>: the operator is already running (started, ready, and warmed up on another tenant's
/// namespace, see <see cref="OperatorWarmUp"/>) when the objects are created through the API, as in a GitOps sync of a
/// large change. Timed from the first create until the routing ConfigMap holds the final table (its hash annotation
/// equals the hash of the table compiled from the same objects) and every object is Ready for its current generation. The bare reference, on a fresh server, makes the
/// same creates followed by only the writes strictly needed (one status per object, one ConfigMap), timed from the
/// first create, its statuses computed (untimed) from what the creates returned.
/// </summary>
internal static class OperatorBurstLoad
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    public static async Task<int> RunAsync(string[] args)
    {
        var resources = SyntheticObjects.ResourcesFor(ScenarioOptions.Int(args, "--objects", 5_000));
        var concurrency = ScenarioOptions.Int(args, "--concurrency", 16);
        var runs = ScenarioOptions.Int(args, "--runs", 1);
        var warmOperator = !ScenarioOptions.Flag(args, "--cold-operator");
        var crds = Path.Combine(OperatorLoad.ConfigFolder(), "crds");
        var snapshot = SyntheticObjects.Snapshot(resources);
        var objects = snapshot.All.ToList();
        var finalHash = RoutingTableJson.ContentHash(RoutingTableJson.Serialize(NamespaceCompiler.Compile(snapshot, ResourceValueIndex.Build(snapshot.Resources), DateTimeOffset.UtcNow).Table));
        Console.WriteLine($"live burst, namespace {SyntheticObjects.Namespace}: {objects.Count} objects ({resources} Resources, {objects.Count(OperatorLoad.IsProtected)} with the in-use finalizer), created {concurrency} at a time, {runs} run(s), operator {(warmOperator ? "warmed up" : "freshly started")}");
        await ServerWarmUp.RunAsync(crds);

        var operatorTimes = new List<TimeSpan>();
        var bareTimes = new List<TimeSpan>();
        for (var run = 1; run <= runs; run++)
        {
            Console.WriteLine($"run {run}:");
            operatorTimes.Add(await RunOperatorAsync(crds, objects, concurrency, finalHash, warmOperator));
            bareTimes.Add(await RunBareClientAsync(crds, objects, concurrency));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ratio operator / bare client: {operatorTimes[^1] / bareTimes[^1]:F2}"));
        }

        if (runs > 1)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"median of {runs} runs: operator {Median(operatorTimes).TotalSeconds:F2} s, bare client {Median(bareTimes).TotalSeconds:F2} s, ratio {Median(operatorTimes) / Median(bareTimes):F2}"));
        }

        return 0;
    }

    /// <summary>
    /// The operator, started, ready and (unless <paramref name="warmOperator"/> is false) warmed up on another
    /// namespace, sees the objects created; timed until all are routed.
    /// </summary>
    private static async Task<TimeSpan> RunOperatorAsync(string crds, IReadOnlyList<ICustomResource> objects, int concurrency, string finalHash, bool warmOperator)
    {
        await using var server = await OperatorLoad.StartEmptyServerAsync(crds);
        var kubeconfig = Path.GetTempFileName();
        server.WriteKubeconfig(kubeconfig);
        using var client = server.CreateClient();
        using var running = OperatorProcess.Start(kubeconfig);
        await running.WaitUntilReadyAsync();
        if (warmOperator)
        {
            await OperatorWarmUp.RunAsync(client, server, running);
        }

        var reconcilesBefore = await running.ReconcilesAsync();
        server.Requests.Reset();
        CleanHeap.Collect();
        var stopwatch = Stopwatch.StartNew();
        var serverCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var operatorCpu = running.CpuTime();
        var firstWrite = OperatorLoad.WaitUntilFirstStatusWriteAsync(server, stopwatch);
        await OperatorLoad.CreateAllAsync(client, objects, concurrency);
        var created = stopwatch.Elapsed;
        var createsCpu = (Operator: running.CpuTime() - operatorCpu, Server: Process.GetCurrentProcess().TotalProcessorTime - serverCpu);
        var operatorTime = await WaitUntilSettledAsync(client, finalHash, stopwatch);
        var settledCpu = (Operator: running.CpuTime() - operatorCpu, Server: Process.GetCurrentProcess().TotalProcessorTime - serverCpu);
        await OperatorLoad.WaitUntilQuietAsync(server);
        var firstStatusWrite = await firstWrite;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  operator: creates done after {created.TotalSeconds:F1} s (CPU: operator {createsCpu.Operator.TotalSeconds:F1} s, server and creating client {createsCpu.Server.TotalSeconds:F1} s), first status write after {firstStatusWrite.TotalSeconds:F1} s, all Ready and final ConfigMap after {operatorTime.TotalSeconds:F2} s (CPU: operator {settledCpu.Operator.TotalSeconds:F1} s, server and creating client {settledCpu.Server.TotalSeconds:F1} s)"));
        OperatorLoad.ReportWrites("  operator writes", server, objects.Count, objects.Count(OperatorLoad.IsProtected));
        Console.WriteLine($"  operator reconciles of the namespace during the burst: {await running.ReconcilesAsync() - reconcilesBefore}, peak RSS {running.PeakRssMegabytes()} MB");
        await running.StopAsync();
        File.Delete(kubeconfig);
        return operatorTime;
    }

    /// <summary>
    /// The same creates on a fresh server, then only the writes strictly needed, their statuses compiled (untimed)
    /// from what the creates returned.
    /// </summary>
    private static async Task<TimeSpan> RunBareClientAsync(string crds, IReadOnlyList<ICustomResource> objects, int concurrency)
    {
        await using var server = await OperatorLoad.StartEmptyServerAsync(crds);
        using var client = server.CreateClient();
        var bare = new BareClient(client);
        server.Requests.Reset();
        CleanHeap.Collect();
        var stopwatch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var created = await OperatorLoad.CreateAllAsync(client, objects, concurrency);
        stopwatch.Stop();
        var createdAfter = stopwatch.Elapsed;
        var createsCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var compiled = NamespaceCompiler.Compile(NamespaceSnapshot.Of(SyntheticObjects.Namespace, created), ResourceValueIndex.Build(created.OfType<Resource>()), DateTimeOffset.UtcNow);
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        stopwatch.Start();
        await bare.WriteAsync(compiled);
        var bareTime = stopwatch.Elapsed;
        var bareCpu = createsCpu + Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  bare client: {objects.Count} creates done after {createdAfter.TotalSeconds:F1} s (CPU of server and client {createsCpu.TotalSeconds:F1} s), then {server.Requests.TotalWrites() - objects.Count} writes ({NamespaceWriter.MaxConcurrentWrites} at a time), all done after {bareTime.TotalSeconds:F2} s (CPU {bareCpu.TotalSeconds:F1} s)"));
        return bareTime;
    }

    private static TimeSpan Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);

    /// <summary>
    /// Polls the routing ConfigMap until it holds the final table, then lists every object until each is Ready for
    /// its generation; returns the time of the check that found both.
    /// </summary>
    private static async Task<TimeSpan> WaitUntilSettledAsync(Kubernetes client, string finalHash, Stopwatch stopwatch)
    {
        while (true)
        {
            var checkedAt = stopwatch.Elapsed;
            if (await PublishedHashAsync(client) == finalHash && AllReadyForTheirGeneration(await OperatorLoad.ListAsync(client)))
            {
                return checkedAt;
            }

            await Task.Delay(Poll);
        }
    }

    private static async Task<string?> PublishedHashAsync(Kubernetes client)
    {
        try
        {
            var configMap = await client.CoreV1.ReadNamespacedConfigMapAsync(OperatorOptions.DefaultConfigMapName, SyntheticObjects.Namespace);
            return configMap.Metadata.Annotations is { } annotations && annotations.TryGetValue(RoutingConfigMapPublisher.HashAnnotation, out var hash) ? hash : null;
        }
        catch (HttpOperationException error) when (error.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static bool AllReadyForTheirGeneration(NamespaceSnapshot listed) =>
        listed.All.All(obj => obj.StatusObject is { } status
            && status.ObservedGeneration == obj.Metadata.Generation
            && status.FindReady()?.Status == ConditionStatuses.True);
}
