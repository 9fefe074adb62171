using System.Globalization;

using CpaasX.ApiServer;

using k8s;

namespace CpaasX.Benchmarks;

/// <summary>
/// Before the live burst, the operator routes another tenant's namespace of 5,000 objects (numbers of their own, so
/// nothing links the two namespaces), then goes idle. An operator that has been running meets a large change with its
/// code compiled and optimized by the JIT, as the bare client does, whose code runs in the benchmark's warmed-up
/// process; a freshly started one spends CPU on the JIT during the burst (<c>--cold-operator</c> measures that case;
/// how much: docs/performance.md, live burst).
/// </summary>
internal static class OperatorWarmUp
{
    private const string Namespace = "warm-up";
    private const int Objects = 5_000;

    /// <summary>Far enough from the burst's numbers (which start at 0) for any burst the benchmark makes.</summary>
    private const int FirstNumber = 1_000_000;

    /// <summary>The operator counts as idle once it uses at most this much CPU over <see cref="IdleWindow"/>.</summary>
    private const long IdleCpuMilliseconds = 20;

    private static readonly TimeSpan IdleWindow = TimeSpan.FromMilliseconds(500);

    public static async Task RunAsync(Kubernetes client, EmbeddedApiServer server, OperatorProcess running)
    {
        await client.CoreV1.CreateNamespaceAsync(new() { Metadata = new() { Name = Namespace } });
        var objects = SyntheticObjects.Snapshot(SyntheticObjects.ResourcesFor(Objects), Namespace, FirstNumber).All.ToList();
        await OperatorLoad.CreateAllAsync(client, objects, 16);
        await OperatorLoad.WaitUntilQuietAsync(server);

        // The JIT optimizes in the background after the calls it counted: wait for that too.
        await Steady.WaitAsync(() => (long)running.CpuTime().TotalMilliseconds, IdleWindow, IdleCpuMilliseconds);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  operator warmed up on {objects.Count} objects in namespace {Namespace} ({server.Requests.TotalWrites() - objects.Count} writes, untimed)"));
    }
}
