using BenchmarkDotNet.Attributes;

using CpaasX.Operator.Compilation;

namespace CpaasX.Benchmarks;

/// <summary>
/// Compile of one namespace of <see cref="SyntheticObjects"/> at 5k, 20k (the size) and 80k Resources, to show
/// how it grows. Target at 20k: ≤ 1 s. Run: see docs/performance.md.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[ShortRunJob]
public class CompileBenchmarks
{
    private NamespaceSnapshot _snapshot = null!;
    private ResourceValueIndex _index = null!;

    [Params(5_000, 20_000, 80_000)]
    public int Resources { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _snapshot = SyntheticObjects.Snapshot(Resources);
        _index = SyntheticObjects.Index(_snapshot);
        CompileLoad.RequireAllReady(NamespaceCompiler.Compile(_snapshot, _index, DateTimeOffset.UnixEpoch));
    }

    [Benchmark]
    public CompileResult Compile() => NamespaceCompiler.Compile(_snapshot, _index, DateTimeOffset.UnixEpoch);
}
