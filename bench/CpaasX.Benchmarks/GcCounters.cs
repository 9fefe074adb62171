using System.Diagnostics;
using System.Globalization;

namespace CpaasX.Benchmarks;

/// <summary>
/// A process's garbage collections by generation, the time they paused it, what it allocated and the CPU it used, read
/// at one moment: the difference of two readings tells what a measured run cost that process, whatever the machine's load.
/// </summary>
internal sealed record GcCounters(long Gen0, long Gen1, long Gen2, TimeSpan Paused, long AllocatedBytes, TimeSpan Cpu)
{
    /// <summary>This process, now.</summary>
    public static GcCounters OfThisProcess() => new(
        GC.CollectionCount(0) - GC.CollectionCount(1),
        GC.CollectionCount(1) - GC.CollectionCount(2),
        GC.CollectionCount(2),
        GC.GetTotalPauseDuration(),
        GC.GetTotalAllocatedBytes(precise: true),
        Process.GetCurrentProcess().TotalProcessorTime);

    /// <summary>
    /// A .NET process's Prometheus text with prometheus-net's .NET metrics (<c>dotnet_collection_count_total</c> counts a
    /// collection in its generation and every younger one), <c>dotnet_gc_pause_time_seconds_total</c> and
    /// <c>dotnet_gc_heap_total_allocated_bytes_total</c>.
    /// </summary>
    public static GcCounters FromPrometheus(string metrics)
    {
        var values = metrics.Split('\n')
            .Where(line => line.Length > 0 && line[0] != '#')
            .ToDictionary(
                line => line[..line.LastIndexOf(' ')],
                line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture),
                StringComparer.Ordinal);
        double Collections(int generation) => values[$"dotnet_collection_count_total{{generation=\"{generation}\"}}"];
        return new(
            (long)(Collections(0) - Collections(1)),
            (long)(Collections(1) - Collections(2)),
            (long)Collections(2),
            TimeSpan.FromSeconds(values["dotnet_gc_pause_time_seconds_total"]),
            (long)values["dotnet_gc_heap_total_allocated_bytes_total"],
            TimeSpan.FromSeconds(values["process_cpu_seconds_total"]));
    }

    public static GcCounters operator -(GcCounters after, GcCounters before) => new(
        after.Gen0 - before.Gen0,
        after.Gen1 - before.Gen1,
        after.Gen2 - before.Gen2,
        after.Paused - before.Paused,
        after.AllocatedBytes - before.AllocatedBytes,
        after.Cpu - before.Cpu);

    /// <summary>One line for a run of <paramref name="requests"/> requests.</summary>
    public string Describe(int requests) => string.Create(
        CultureInfo.InvariantCulture,
        $"GCs gen0 {Gen0}, gen1 {Gen1}, gen2 {Gen2}, paused {Paused.TotalMilliseconds:F1} ms in all"
        + $"{(Gen0 + Gen1 + Gen2 > 0 ? $" ({Paused.TotalMilliseconds / (Gen0 + Gen1 + Gen2):F2} ms each)" : string.Empty)}, "
        + $"allocated {AllocatedBytes / requests:N0} B per request, CPU {Cpu.TotalSeconds:F1} s");
}
