using System.Diagnostics;
using System.Globalization;

using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Operator.Diff;

namespace CpaasX.Benchmarks;

/// <summary>
/// The <c>diff-load</c> scenario: two namespaces of <see cref="SyntheticObjects"/> (option --resources N, default 20000,
/// the 47,500-object namespace) that differ in 1% of their associations (every hundredth moved to the next application),
/// then a few runs (--runs N, default 5) each timing one compile alone and the whole diff (both compiles, then
/// <see cref="RoutingDiffer"/> comparing them), with what each allocated, and the process's peak working set.
/// </summary>
internal static class DiffLoad
{
    public static Task<int> RunAsync(string[] args)
    {
        var resources = ScenarioOptions.Int(args, "--resources", 20_000);
        var runs = ScenarioOptions.Int(args, "--runs", 5);

        var before = SyntheticObjects.Snapshot(resources);
        var after = SyntheticObjects.Snapshot(resources);
        var applications = after.Applications.Count;
        // Every hundredth association, shifted so that the moved ones belong to many applications, not ten.
        var moved = after.ResourceAssociations.Count / 100;
        for (var step = 0; step < moved; step++)
        {
            var index = (step * 100) + (step % 100);
            var association = after.ResourceAssociations[index];
            association.Spec = association.Spec with { ApplicationRef = new LocalObjectReference { Name = $"app-{(index + 1) % applications}" } };
        }

        var beforeIndex = SyntheticObjects.Index(before);
        var afterIndex = SyntheticObjects.Index(after);
        Console.WriteLine($"namespaces: {before.All.Count()} objects each ({resources} Resources), {moved} associations moved");
        for (var run = 1; run <= runs; run++)
        {
            (var compiledBefore, var compileMs, var compileAllocated) = Measure(() => NamespaceCompiler.Compile(before, beforeIndex, DateTimeOffset.UnixEpoch));
            (var compiledAfter, var secondCompileMs, var secondCompileAllocated) = Measure(() => NamespaceCompiler.Compile(after, afterIndex, DateTimeOffset.UnixEpoch));
            CompileLoad.RequireAllReady(compiledBefore);
            (var diff, var differMs, var differAllocated) = Measure(() => RoutingDiffer.Diff(
                [NamespaceState.Of(compiledBefore)],
                [NamespaceState.Of(compiledAfter)],
                null,
                new DestinationSampling(DestinationSampling.DefaultDestinationsPerCountry)));
            var changes = diff.Namespaces.Single();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"run {run}: one compile {compileMs} ms, {Megabytes(compileAllocated)} MB allocated; "
                + $"diff {compileMs + secondCompileMs + differMs} ms, {Megabytes(compileAllocated + secondCompileAllocated + differAllocated)} MB allocated, "
                + $"of which comparing {differMs} ms, {Megabytes(differAllocated)} MB "
                + $"({changes.Pools.Count} pools, {changes.MovedShares.Count} moved shares, {changes.Objects.Count} readiness changes)"));
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set: {process.PeakWorkingSet64 / (1024 * 1024)} MB"));
        return Task.FromResult(0);
    }

    private static long Megabytes(long bytes) => bytes / (1024 * 1024);

    private static (T Result, long Milliseconds, long Allocated) Measure<T>(Func<T> work)
    {
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        var result = work();
        stopwatch.Stop();
        return (result, stopwatch.ElapsedMilliseconds, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
    }
}
