using System.Diagnostics;
using System.Globalization;

using CpaasX.ApiServer;

using CpaasX.Operator.Api;
using CpaasX.Operator.Observability;
using CpaasX.Operator.Runtime.Client;
using CpaasX.Operator.Writing;

using CpaasX.Routing.Model;
using CpaasX.Routing.Table;

using k8s;

using Microsoft.Extensions.Logging.Abstractions;

namespace CpaasX.Benchmarks;

/// <summary>
/// The <c>routing-shards</c> scenario: the routing table of a namespace of --objects N objects (default 200,000: half
/// number Resources with random numbers and random names, half their SMS associations to random applications: values
/// that gzip poorly) is published through the embedded API server by the operator's publisher, then read back as a
/// Pod reads it (the ConfigMaps' files in one directory, <see cref="RoutingTableJson.Load"/>) and checked equal.
/// Prints the JSON and gzip sizes, the shard count, the publish and read-back times.
/// </summary>
internal static class RoutingShardLoad
{
    private const string Namespace = "bench";
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static async Task<int> RunAsync(string[] args)
    {
        var objects = ScenarioOptions.Int(args, "--objects", 200_000);
        var table = Build(objects / 2);
        var json = RoutingTableJson.Serialize(table);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"table of {objects} objects: routing.json {json.Length / 1024} KiB"));

        await using var server = await EmbeddedApiServer.StartAsync();
        using var client = server.CreateClient();
        await client.CoreV1.CreateNamespaceAsync(new() { Metadata = new() { Name = Namespace } });
        var metrics = new OperatorMetrics();
        var publisher = new RoutingConfigMapPublisher(client, "cpaasx-routing", metrics, new EventRecorder(client, "bench", TimeProvider.System, NullLogger.Instance), NullLogger.Instance);

        var stopwatch = Stopwatch.StartNew();
        var publication = await publisher.PrepareAsync(Namespace, table, [], CancellationToken.None);
        var encoded = stopwatch.Elapsed;
        var outcome = await publisher.PublishAsync(Namespace, publication, [], CancellationToken.None);
        var published = stopwatch.Elapsed;
        if (outcome != WriteOutcome.Written)
        {
            Console.Error.WriteLine($"not published: {outcome} {publication.NotPublishedBecause}");
            return 1;
        }

        var configMaps = (await client.CoreV1.ListNamespacedConfigMapAsync(Namespace, labelSelector: ManagedLabel.Selector)).Items;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"published: {configMaps.Count - 1} shards + index, {publication.Payload!.StoredBytes / 1024} KiB gzip (largest shard {configMaps.Max(configMap => configMap.BinaryData?.Values.Sum(piece => piece.Length) ?? 0) / 1024} KiB); encode {encoded.TotalSeconds:F1} s, writes {(published - encoded).TotalSeconds:F1} s"));

        var directory = Directory.CreateTempSubdirectory("routing-shards-");
        try
        {
            foreach (var configMap in configMaps)
            {
                foreach (var (key, value) in configMap.Data ?? new Dictionary<string, string>())
                {
                    await File.WriteAllTextAsync(Path.Combine(directory.FullName, key), value);
                }

                foreach (var (key, value) in configMap.BinaryData ?? new Dictionary<string, byte[]>())
                {
                    await File.WriteAllBytesAsync(Path.Combine(directory.FullName, key), value);
                }
            }

            stopwatch.Restart();
            var loaded = RoutingTableJson.Load(directory.FullName);
            var read = stopwatch.Elapsed;
            if (!RoutingTableJson.Serialize(loaded).AsSpan().SequenceEqual(json))
            {
                Console.Error.WriteLine("the table read back differs from the one published");
                return 1;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read back from the mounted files (verify hash, parse): {read.TotalSeconds:F1} s, equal"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }

        var again = await publisher.PrepareAsync(Namespace, table, [.. configMaps.Select(configMap => new PartialObjectMetadata { Metadata = configMap.Metadata })], CancellationToken.None);
        Console.WriteLine($"published again unchanged: {again == RoutingPublication.Unchanged}");
        return 0;
    }

    /// <summary><paramref name="resources"/> number Resources with random numbers and names, each with one SMS association.</summary>
    private static RoutingTable Build(int resources)
    {
        var random = new Random(20261207);
        var builder = new RoutingTableBuilder(Namespace);
        var applications = Enumerable.Range(0, 1_000).Select(i => $"app-{Name(random, 10)}-{i}").ToArray();
        foreach (var application in applications)
        {
            builder.AddApplication(application, null, application);
        }

        for (var i = 0; i < resources; i++)
        {
            var number = string.Create(CultureInfo.InvariantCulture, $"+1{random.NextInt64(2_000_000_000, 9_999_999_999)}");
            var resource = new SenderResource($"{Name(random, 12)}-{i}", ResourceType.Number, number, NumberType.VirtualLongNumber, "US");
            builder.AddAssociation($"{resource.Name}-sms", resource, Channel.Sms, applications[random.Next(applications.Length)], null);
            builder.AddInboundResource(resource, [Channel.Sms]);
        }

        return builder.Build();
    }

    private static string Name(Random random, int length) =>
        string.Create(length, random, (chars, source) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[source.Next(Alphabet.Length)];
            }
        });
}
