using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

using CpaasX.ApiServer;
using CpaasX.Operator.Api;
using CpaasX.Operator.Api.Serialization;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Hosting;
using CpaasX.Operator.Reconciliation;
using CpaasX.Operator.Writing;

using k8s;
using k8s.Models;

namespace CpaasX.Benchmarks;

/// <summary>
/// <c>operator-load --namespaces T --objects-per-namespace N</c>: many tenants (<see cref="SyntheticTenants"/>) against
/// the embedded API server. (1) Initial sync: the objects are created, tenant after tenant, then the operator is started
/// and timed until every namespace's ConfigMap carries its expected routing hash; its CPU, reconciles and peak RSS. (2)
/// Single-change latency: with the operator idle, <c>--changes</c> times one association of a random namespace moves to
/// another Application, timed until that namespace's ConfigMap carries the new hash (the first change, made right after
/// the initial sync without waiting, is reported on its own). (3) Cross-tenant change: the oldest declaration of a
/// duplicated number is deleted, timed until the other namespace's declaration is Ready and its table carries it.
/// </summary>
internal static class OperatorTenantsLoad
{
    private static readonly TimeSpan SyncPoll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ChangePoll = TimeSpan.FromMilliseconds(5);

    /// <summary>The operator counts as idle once it uses at most this much CPU over <see cref="IdleWindow"/>.</summary>
    private const long IdleCpuMilliseconds = 20;

    private static readonly TimeSpan IdleWindow = TimeSpan.FromMilliseconds(500);

    public static async Task<int> RunAsync(string[] args)
    {
        var tenants = SyntheticTenants.Build(
            ScenarioOptions.Int(args, "--namespaces", 10),
            ScenarioOptions.Int(args, "--objects-per-namespace", 200),
            ScenarioOptions.Int(args, "--duplicate-percent", 2));
        var changes = ScenarioOptions.Int(args, "--changes", 50);
        var concurrency = ScenarioOptions.Int(args, "--concurrency", 16);
        var settleDelay = TimeSpan.FromMilliseconds(ScenarioOptions.Int(args, "--settle-delay-ms", (int)NamespaceEnqueuer.DefaultSettleDelay.TotalMilliseconds));
        var crds = Path.Combine(OperatorLoad.ConfigFolder(), "crds");
        Console.WriteLine($"tenants: {tenants.Namespaces.Count} namespaces, {tenants.ObjectCount} objects ({tenants.ResourcesPerNamespace} Resources per namespace; in every odd-numbered one {tenants.DuplicatesPerPair} declare the previous one's numbers); settle delay {settleDelay.TotalMilliseconds:0} ms; load average {LoadAverage()}");
        await ServerWarmUp.RunAsync(crds);

        await using var server = await OperatorLoad.StartEmptyServerAsync(crds);
        using var client = server.CreateClient();
        var created = Stopwatch.StartNew();
        foreach (var snapshot in tenants.Namespaces)
        {
            // Tenant after tenant: the namespace created first holds the oldest declaration of a duplicate.
            await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = snapshot.Namespace } });
            await OperatorLoad.CreateAllAsync(client, [.. snapshot.All], concurrency);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"created {tenants.ObjectCount} objects through the API in {created.Elapsed.TotalSeconds:F1} s"));
        var kubeconfig = Path.GetTempFileName();
        server.WriteKubeconfig(kubeconfig);
        server.Requests.Reset();
        CleanHeap.Collect();
        using var running = OperatorProcess.Start(kubeconfig, "--settle-delay", string.Create(CultureInfo.InvariantCulture, $"{settleDelay.TotalMilliseconds:0}ms"));
        await InitialSyncAsync(client, running, tenants);

        var random = new Random(14);
        var first = await ChangeOneAsync(client, tenants, random);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first change right after the initial sync: {first.TotalMilliseconds:F0} ms"));
        var latencies = new List<TimeSpan>();
        for (var change = 0; change < changes; change++)
        {
            await WaitUntilIdleAsync(running);
            latencies.Add(await ChangeOneAsync(client, tenants, random));
        }

        if (latencies.Count > 0)
        {
            var p50 = Percentile(latencies, 0.50);
            var p99 = Percentile(latencies, 0.99);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"single change, {latencies.Count} changes: p50 {p50.TotalMilliseconds:F0} ms, p99 {p99.TotalMilliseconds:F0} ms; settle delay subtracted: p50 {(p50 - settleDelay).TotalMilliseconds:F0} ms, p99 {(p99 - settleDelay).TotalMilliseconds:F0} ms"));
        }

        if (tenants.Namespaces.Count >= 2 && tenants.DuplicatesPerPair > 0)
        {
            await WaitUntilIdleAsync(running);
            var crossTenant = await DeleteOldestDeclarationAsync(client, tenants);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cross-tenant change: the later declaration Ready and routed {crossTenant.TotalMilliseconds:F0} ms after the oldest was deleted"));
        }

        Console.WriteLine($"operator peak RSS {running.PeakRssMegabytes()} MB ({running.PeakRssMegabytes() * 1024.0 * 1024 / tenants.ObjectCount / 1024:F1} KB per stored object); load average {LoadAverage()}");
        await running.StopAsync();
        File.Delete(kubeconfig);
        return 0;
    }

    private static async Task InitialSyncAsync(Kubernetes client, OperatorProcess running, SyntheticTenants tenants)
    {
        var expected = tenants.Namespaces.ToDictionary(snapshot => snapshot.Namespace, tenants.ExpectedHash, StringComparer.Ordinal);
        var stopwatch = Stopwatch.StartNew();
        var cpu = running.CpuTime();
        var serverCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var ready = running.WaitUntilReadyAsync().ContinueWith(_ => stopwatch.Elapsed, TaskScheduler.Default);
        while (!(await PublishedHashesAsync(client)).Where(published => expected.GetValueOrDefault(published.Key) == published.Value).Count().Equals(expected.Count))
        {
            await Task.Delay(SyncPoll);
        }

        var synced = stopwatch.Elapsed;
        var syncCpu = (Operator: running.CpuTime() - cpu, Server: Process.GetCurrentProcess().TotalProcessorTime - serverCpu);
        var reconciles = await running.ReconcilesAsync();
        var readyAfter = await ready;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"initial sync: informers synced (/readyz) after {readyAfter.TotalSeconds:F1} s, every namespace's ConfigMap published after {synced.TotalSeconds:F1} s ({synced.TotalMilliseconds * 1000 / tenants.ObjectCount:F0} µs per object; CPU: operator {syncCpu.Operator.TotalSeconds:F1} s, server and benchmark {syncCpu.Server.TotalSeconds:F1} s), reconciles finished by then {reconciles}, peak RSS {running.PeakRssMegabytes()} MB"));
    }

    private static async Task<Dictionary<string, string?>> PublishedHashesAsync(Kubernetes client) =>
        (await client.CoreV1.ListConfigMapForAllNamespacesAsync(labelSelector: ManagedLabel.Selector)).Items
            .Where(configMap => configMap.Metadata.Name == OperatorOptions.DefaultConfigMapName)
            .ToDictionary(configMap => configMap.Metadata.NamespaceProperty, HashOf, StringComparer.Ordinal);

    /// <summary>Moves one association of a random tenant (not one of a duplicate) and times until its ConfigMap carries the new table.</summary>
    private static async Task<TimeSpan> ChangeOneAsync(Kubernetes client, SyntheticTenants tenants, Random random)
    {
        var tenant = random.Next(tenants.Namespaces.Count);
        var resource = random.Next(tenants.DuplicatesPerPair, tenants.ResourcesPerNamespace);
        var snapshot = tenants.Namespaces[tenant];
        var before = tenants.ExpectedHash(snapshot);
        var (name, patch) = tenants.MoveAssociation(tenant, resource);
        var after = tenants.ExpectedHash(snapshot);
        if (after == before)
        {
            throw new InvalidOperationException($"Moving {snapshot.Namespace}/{name} leaves its routing table unchanged.");
        }

        var stopwatch = Stopwatch.StartNew();
        await client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(patch, V1Patch.PatchType.MergePatch), CustomResourceKinds.Group, CustomResourceKinds.Version, snapshot.Namespace, CustomResourceKinds.ResourceAssociation.Plural, name);
        while (HashOf(await client.CoreV1.ReadNamespacedConfigMapAsync(OperatorOptions.DefaultConfigMapName, snapshot.Namespace)) != after)
        {
            await Task.Delay(ChangePoll);
        }

        return stopwatch.Elapsed;
    }

    /// <summary>Deletes line-0 of the first tenant, which tenant 1 declares too, and times until tenant 1's is Ready and routed.</summary>
    private static async Task<TimeSpan> DeleteOldestDeclarationAsync(Kubernetes client, SyntheticTenants tenants)
    {
        var (oldest, later) = (tenants.Namespaces[0].Resources[0], tenants.Namespaces[1].Resources[0]);
        tenants.Forget(oldest);
        var expected = tenants.ExpectedHash(tenants.Namespaces[1]);
        var stopwatch = Stopwatch.StartNew();
        await client.CustomObjects.DeleteNamespacedCustomObjectAsync(
            CustomResourceKinds.Group, CustomResourceKinds.Version, oldest.Metadata.NamespaceProperty, CustomResourceKinds.Resource.Plural, oldest.Metadata.Name);
        while (!(await IsReadyAsync(client, later)
            && HashOf(await client.CoreV1.ReadNamespacedConfigMapAsync(OperatorOptions.DefaultConfigMapName, later.Metadata.NamespaceProperty)) == expected))
        {
            await Task.Delay(ChangePoll);
        }

        return stopwatch.Elapsed;
    }

    private static async Task<bool> IsReadyAsync(Kubernetes client, Resource resource)
    {
        var stored = ((JsonElement)await client.CustomObjects.GetNamespacedCustomObjectAsync(
            CustomResourceKinds.Group, CustomResourceKinds.Version, resource.Metadata.NamespaceProperty, CustomResourceKinds.Resource.Plural, resource.Metadata.Name))
            .Deserialize<Resource>(CpaasxJson.Options)!;
        return stored.Status?.FindReady()?.Status == ConditionStatuses.True;
    }

    /// <summary>Waits until the operator uses no CPU: the change before, and the reconciles its own writes queued, are done.</summary>
    private static Task WaitUntilIdleAsync(OperatorProcess running) =>
        Steady.WaitAsync(() => (long)running.CpuTime().TotalMilliseconds, IdleWindow, IdleCpuMilliseconds);

    private static string? HashOf(V1ConfigMap configMap) =>
        configMap.Metadata.Annotations is { } annotations && annotations.TryGetValue(RoutingConfigMapPublisher.HashAnnotation, out var hash) ? hash : null;

    private static TimeSpan Percentile(List<TimeSpan> samples, double share) =>
        samples.Order().ElementAt((int)Math.Ceiling(share * samples.Count) - 1);

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
