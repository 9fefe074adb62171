using System.Diagnostics;
using System.Globalization;

using CpaasX.ApiServer;

using CpaasX.Operator.Api;
using CpaasX.Operator.Api.Serialization;
using CpaasX.Operator.Runtime.Client;
using CpaasX.Operator.Runtime.Informers;
using CpaasX.Operator.Writing;

using k8s;
using k8s.Models;

namespace CpaasX.Benchmarks;

/// <summary>
/// The <c>routing-cache</c> scenario: what the operator's informer of routing ConfigMaps holds. --namespaces N
/// (default 200) namespaces each hold a managed routing ConfigMap of --kib K KiB (default 800, near the 900 KiB plain
/// limit); an informer lists and watches them as the operator does now (metadata only) and as it did before (whole
/// ConfigMaps), one after the other in this process, and the managed heap and RSS it adds once synced are printed.
/// </summary>
internal static class RoutingCacheLoad
{
    private const string ConfigMapName = "cpaasx-routing";

    public static async Task<int> RunAsync(string[] args)
    {
        var namespaces = ScenarioOptions.Int(args, "--namespaces", 200);
        var kib = ScenarioOptions.Int(args, "--kib", 800);
        await using var server = await EmbeddedApiServer.StartAsync();
        using var client = server.CreateClient();
        await CreateAsync(client, namespaces, kib);
        Console.WriteLine($"{namespaces} namespaces, each with a {kib} KiB routing ConfigMap");

        var api = new ApiHttp(client);
        var resource = new ApiResource(string.Empty, "v1", "configmaps");
        // Metadata first: what the whole-ConfigMap informer leaves behind after it stops would blur the smaller figure.
        await MeasureAsync("metadata only (now)", new ApiListWatchClient<PartialObjectMetadata>(api, resource, CpaasxJson.Options, new ListWatchSettings { MetadataOnly = true }));
        await MeasureAsync("whole ConfigMaps (before)", new ApiListWatchClient<V1ConfigMap>(api, resource, CpaasxJson.Options));
        return 0;
    }

    private static async Task MeasureAsync<T>(string title, IListWatchClient<T> listWatch)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        CleanHeap.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var rssBefore = Rss();
        using var stop = new CancellationTokenSource();
        var informer = new Informer<T>(listWatch, new InformerSettings { LabelSelector = ManagedLabel.Selector });
        var stopwatch = Stopwatch.StartNew();
        var running = informer.RunAsync(stop.Token);
        await informer.WaitForSyncAsync(CancellationToken.None);
        var synced = stopwatch.Elapsed;
        CleanHeap.Collect();
        var heap = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        var rss = Rss() - rssBefore;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{title}: {informer.Store.Count} objects cached, synced in {synced.TotalSeconds:F1} s, informer heap {heap / 1024:+#;-#;0} KiB, process RSS {rss / 1024:+#;-#;0} KiB"));
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
            // Stopped on purpose.
        }
    }

    private static async Task CreateAsync(Kubernetes client, int namespaces, int kib)
    {
        var random = new Random(20261207);
        for (var i = 0; i < namespaces; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"team-{i:D3}");
            await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
            var payload = Convert.ToHexStringLower(random.GetItems<byte>([.. Enumerable.Range(0, 256).Select(value => (byte)value)], kib * 512));
            await client.CoreV1.CreateNamespacedConfigMapAsync(
                new V1ConfigMap
                {
                    Metadata = new V1ObjectMeta
                    {
                        Name = ConfigMapName,
                        Labels = new Dictionary<string, string> { [ManagedLabel.Key] = ManagedLabel.Value },
                        Annotations = new Dictionary<string, string> { [RoutingConfigMapPublisher.HashAnnotation] = "sha256:" + new string('0', 64) },
                    },
                    Data = new Dictionary<string, string> { ["routing.json"] = payload },
                },
                name);
        }
    }

    private static long Rss()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }
}
