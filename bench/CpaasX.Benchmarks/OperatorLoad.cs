using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

using CpaasX.ApiServer;
using CpaasX.Operator.Api.Serialization;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Operator.Local;
using CpaasX.Operator.Writing;

using k8s;

namespace CpaasX.Benchmarks;

/// <summary>
/// The <c>operator-load</c> scenario: one namespace of <see cref="SyntheticObjects"/> holding about --objects N objects
/// (default 5000) in the mix is created through the embedded API server, then the operator (the real executable, <c>run</c>, as a child process)
/// is started and timed until every object is Ready and the routing ConfigMap is published; its writes are counted by
/// the server, its peak RSS read from /proc. A second operator is then started on the unchanged objects (idle restart,
/// expected to write nothing). Finally, on a fresh server with the same objects, a bare client makes only the writes
/// strictly needed (one status write per object, one ConfigMap), as many at a time as the operator writes one namespace's
/// objects (<see cref="NamespaceWriter.MaxConcurrentWrites"/>), and the ratio of the two times is reported.
/// With <c>--live</c> the operator is running before the objects are created instead (<see cref="OperatorBurstLoad"/>);
/// with <c>--namespaces T</c> many tenants are measured instead (<see cref="OperatorTenantsLoad"/>).
/// </summary>
internal static class OperatorLoad
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan FirstWritePoll = TimeSpan.FromMilliseconds(20);

    public static async Task<int> RunAsync(string[] args)
    {
        if (ScenarioOptions.Flag(args, "--live"))
        {
            return await OperatorBurstLoad.RunAsync(args);
        }

        if (ScenarioOptions.Flag(args, "--namespaces"))
        {
            return await OperatorTenantsLoad.RunAsync(args);
        }

        var resources = SyntheticObjects.ResourcesFor(ScenarioOptions.Int(args, "--objects", 5_000));
        var concurrency = ScenarioOptions.Int(args, "--concurrency", 16);
        var crds = Path.Combine(ConfigFolder(), "crds");
        var objects = SyntheticObjects.Snapshot(resources).All.ToList();
        var protectedCount = objects.Count(IsProtected);
        Console.WriteLine($"namespace {SyntheticObjects.Namespace}: {objects.Count} objects ({resources} Resources, {protectedCount} with the in-use finalizer)");
        await ServerWarmUp.RunAsync(crds);

        TimeSpan operatorTime;
        await using (var server = await StartServerAsync(crds, objects, concurrency))
        {
            var kubeconfig = Path.GetTempFileName();
            server.WriteKubeconfig(kubeconfig);
            server.Requests.Reset();
            CleanHeap.Collect();
            var stopwatch = Stopwatch.StartNew();
            var serverCpu = Process.GetCurrentProcess().TotalProcessorTime;
            using (var first = OperatorProcess.Start(kubeconfig))
            {
                var firstWrite = await WaitUntilFirstStatusWriteAsync(server, stopwatch);
                await WaitUntilRoutedAsync(server, objects.Count);
                operatorTime = stopwatch.Elapsed;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CPU until then: operator {first.CpuTime().TotalSeconds:F1} s, server {(Process.GetCurrentProcess().TotalProcessorTime - serverCpu).TotalSeconds:F1} s"));
                await WaitUntilQuietAsync(server);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"operator: first write after {firstWrite.TotalSeconds:F1} s, all Ready and ConfigMap published after {operatorTime.TotalSeconds:F1} s"));
                ReportWrites("operator writes", server, objects.Count, protectedCount);
                Console.WriteLine($"operator reconciles of the namespace: {await first.ReconcilesAsync()}");
                Console.WriteLine($"operator peak RSS: {first.PeakRssMegabytes()} MB");
                await first.StopAsync();
            }

            await RequireAllReadyAsync(server);
            server.Requests.Reset();
            using (var second = OperatorProcess.Start(kubeconfig))
            {
                await second.WaitUntilReconciledAsync();
                await WaitUntilQuietAsync(server);
                Console.WriteLine($"idle restart writes: {server.Requests.TotalWrites()}");
                await second.StopAsync();
            }

            File.Delete(kubeconfig);
        }

        await using (var server = await StartServerAsync(crds, objects, concurrency))
        {
            using var client = server.CreateClient();
            var listed = await ListAsync(client);
            var compiled = NamespaceCompiler.Compile(listed, ResourceValueIndex.Build(listed.Resources), DateTimeOffset.UtcNow);
            var bare = new BareClient(client);
            server.Requests.Reset();
            CleanHeap.Collect();
            var stopwatch = Stopwatch.StartNew();
            var bareCpu = Process.GetCurrentProcess().TotalProcessorTime;
            await bare.WriteAsync(compiled);
            var bareTime = stopwatch.Elapsed;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CPU of server and bare client: {(Process.GetCurrentProcess().TotalProcessorTime - bareCpu).TotalSeconds:F1} s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bare client: {server.Requests.TotalWrites()} writes ({NamespaceWriter.MaxConcurrentWrites} at a time) in {bareTime.TotalSeconds:F1} s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio operator / bare client: {operatorTime / bareTime:F2}"));
        }

        return 0;
    }

    internal static async Task<EmbeddedApiServer> StartServerAsync(string crds, IReadOnlyList<ICustomResource> objects, int concurrency)
    {
        var server = await StartEmptyServerAsync(crds);
        using var client = server.CreateClient();
        var stopwatch = Stopwatch.StartNew();
        await CreateAllAsync(client, objects, concurrency);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"created {objects.Count} objects through the API in {stopwatch.Elapsed.TotalSeconds:F1} s"));
        return server;
    }

    /// <summary>A server with the CRDs installed and the benchmark's namespace, holding no object yet.</summary>
    internal static async Task<EmbeddedApiServer> StartEmptyServerAsync(string crds)
    {
        var server = await EmbeddedApiServer.StartAsync(new EmbeddedApiServerOptions { EventWindow = 1_000_000 });
        using var client = server.CreateClient();
        await CrdInstaller.InstallAsync(client, crds, CancellationToken.None);
        await client.CoreV1.CreateNamespaceAsync(new() { Metadata = new() { Name = SyntheticObjects.Namespace } });
        return server;
    }

    /// <summary>Creates <paramref name="objects"/> through the API, <paramref name="concurrency"/> at a time; returns them as the server stored them.</summary>
    internal static async Task<IReadOnlyList<ICustomResource>> CreateAllAsync(Kubernetes client, IReadOnlyList<ICustomResource> objects, int concurrency)
    {
        var created = new ICustomResource[objects.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, objects.Count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (at, cancellationToken) =>
        {
            var obj = objects[at];
            var response = (JsonElement)await client.CustomObjects.CreateNamespacedCustomObjectAsync(
                JsonSerializer.SerializeToNode(obj, obj.GetType(), CpaasxJson.Options),
                CustomResourceKinds.Group, CustomResourceKinds.Version, obj.Metadata.NamespaceProperty, PluralOf(obj), cancellationToken: cancellationToken);
            created[at] = (ICustomResource)response.Deserialize(obj.GetType(), CpaasxJson.Options)!;
        });
        return created;
    }

    /// <summary>When the operator made its first status write: what it did before (start, list or watch, compile) is done.</summary>
    internal static async Task<TimeSpan> WaitUntilFirstStatusWriteAsync(EmbeddedApiServer server, Stopwatch stopwatch)
    {
        while (StatusWrites(server) == 0)
        {
            await Task.Delay(FirstWritePoll);
        }

        return stopwatch.Elapsed;
    }

    private static async Task WaitUntilRoutedAsync(EmbeddedApiServer server, int objectCount)
    {
        while (StatusWrites(server) < objectCount || server.Requests.Writes("configmaps") == 0)
        {
            await Task.Delay(Poll);
        }
    }

    /// <summary>Waits until the server saw no write for a second: the operator has finished the burst.</summary>
    internal static Task WaitUntilQuietAsync(EmbeddedApiServer server) =>
        Steady.WaitAsync(server.Requests.TotalWrites, TimeSpan.FromSeconds(1));

    /// <summary>The operator's writes by kind; creates of the custom objects (the benchmark's own) are left out.</summary>
    internal static void ReportWrites(string title, EmbeddedApiServer server, int objectCount, int protectedCount)
    {
        var status = StatusWrites(server);
        var finalizers = CustomResourceKinds.All.Sum(kind => server.Requests.Writes(kind.Plural) - server.Requests.Count("create", kind.Plural));
        var configMaps = server.Requests.Writes("configmaps");
        var events = server.Requests.Writes("events");
        Console.WriteLine($"{title}: {status} status (objects {objectCount}), {finalizers} finalizer patches (protected {protectedCount}), {configMaps} ConfigMap, {events} events");
    }

    /// <summary>Whether the operator keeps the in-use-protection finalizer on such an object.</summary>
    internal static bool IsProtected(ICustomResource obj) => obj is Application or Entity or Resource;

    private static long StatusWrites(EmbeddedApiServer server) =>
        CustomResourceKinds.All.Sum(kind => server.Requests.Writes(kind.Plural + "/status"));

    internal static async Task RequireAllReadyAsync(EmbeddedApiServer server)
    {
        using var client = server.CreateClient();
        var listed = await ListAsync(client);
        var notReady = listed.All.Count(obj => obj.StatusObject?.FindReady()?.Status != ConditionStatuses.True);
        if (notReady > 0)
        {
            throw new InvalidOperationException($"{notReady} objects are not Ready.");
        }
    }

    internal static async Task<NamespaceSnapshot> ListAsync(Kubernetes client)
    {
        async Task<List<T>> List<T>(CustomResourceKind kind)
        {
            var list = (JsonElement)await client.CustomObjects.ListNamespacedCustomObjectAsync(CustomResourceKinds.Group, CustomResourceKinds.Version, SyntheticObjects.Namespace, kind.Plural);
            return [.. list.GetProperty("items").EnumerateArray().Select(item => item.Deserialize<T>(CpaasxJson.Options)!)];
        }

        return new NamespaceSnapshot(
            SyntheticObjects.Namespace,
            await List<Application>(CustomResourceKinds.Application),
            await List<Entity>(CustomResourceKinds.Entity),
            await List<Resource>(CustomResourceKinds.Resource),
            await List<ResourceAssociation>(CustomResourceKinds.ResourceAssociation),
            await List<SenderStrategy>(CustomResourceKinds.SenderStrategy),
            await List<InboundConfiguration>(CustomResourceKinds.InboundConfiguration));
    }

    private static string PluralOf(ICustomResource obj) => CustomResourceKinds.Find(obj.ApiVersion, obj.Kind)!.Plural;

    internal static string ConfigFolder()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            if (Directory.Exists(Path.Combine(folder.FullName, "config", "crds")))
            {
                return Path.Combine(folder.FullName, "config");
            }
        }

        throw new InvalidOperationException("Run from the repository: config/crds not found.");
    }
}
