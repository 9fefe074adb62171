using BenchmarkDotNet.Attributes;

using CpaasX.Routing.Model;
using CpaasX.Routing.Resolution;

namespace CpaasX.Benchmarks;

/// <summary>
/// One outbound or inbound resolve against the table of <see cref="SyntheticNamespace"/>. Each benchmark cycles through
/// 1,024 prepared requests so it measures lookups over the whole table, not one hot entry. Targets: outbound median
/// ≤ 5 µs, inbound ≤ 2 µs. Run: see docs/performance.md.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[ShortRunJob]
public class ResolveBenchmarks
{
    private const int RequestCount = 1_024;

    private RoutingResolver _resolver = null!;
    private OutboundRequest[] _strategyRequests = [];
    private OutboundRequest[] _spreadRequests = [];
    private InboundRequest[] _keywordRequests = [];
    private InboundRequest[] _defaultRequests = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _resolver = new RoutingResolver(SyntheticNamespace.Build());
        var random = new Random(42);
        string[] usAreaCodes = ["201", "212", "303", "312", "415", "646"];
        string Destination() => $"+1{usAreaCodes[random.Next(usAreaCodes.Length)]}{random.Next(2_000_000, 9_999_999)}";

        // Applications below the strategy count have a sticky, geolocated, prioritised strategy; the others spread.
        // Half of them name the application's own entity (a pair pool), half another entity (the application pool).
        _strategyRequests = [.. Enumerable.Range(0, RequestCount).Select(i =>
        {
            var application = random.Next(SyntheticNamespace.Strategies);
            return new OutboundRequest(
                SyntheticNamespace.ApplicationId(application), SyntheticNamespace.EntityId(application + (i % 2)), Channel.Sms, Destination());
        })];
        _spreadRequests = [.. Enumerable.Range(0, RequestCount).Select(_ => new OutboundRequest(
            SyntheticNamespace.ApplicationId(random.Next(SyntheticNamespace.Strategies, SyntheticNamespace.Applications)), null, Channel.Sms, Destination()))];
        _keywordRequests = [.. Enumerable.Range(0, RequestCount).Select(_ =>
        {
            var configuration = random.Next(SyntheticNamespace.InboundConfigurations / 2) * 2;
            return new InboundRequest(SyntheticNamespace.Number(configuration / 2), Channel.Sms, $"kw{configuration} please");
        })];
        _defaultRequests = [.. Enumerable.Range(0, RequestCount).Select(_ =>
            new InboundRequest(SyntheticNamespace.Number(random.Next(SyntheticNamespace.Resources)), Channel.Sms, "hello there"))];

        // Measure the paths the names promise, not the cheaper "no route" answers.
        if (!_strategyRequests.All(r => _resolver.ResolveOutbound(r).Strategy is not null)
            || !_spreadRequests.All(r => _resolver.ResolveOutbound(r) is { IsRouted: true, Strategy: null })
            || !_keywordRequests.All(r => _resolver.ResolveInbound(r).Keyword is not null)
            || !_defaultRequests.All(r => _resolver.ResolveInbound(r) is { IsRouted: true, Keyword: null }))
        {
            throw new InvalidOperationException("The synthetic requests do not take the benchmarked paths.");
        }
    }

    [Benchmark]
    public OutboundResolution OutboundWithStickyGeolocatedStrategy() => _resolver.ResolveOutbound(_strategyRequests[Next()]);

    [Benchmark]
    public OutboundResolution OutboundWithoutStrategy() => _resolver.ResolveOutbound(_spreadRequests[Next()]);

    [Benchmark]
    public InboundResolution InboundKeyword() => _resolver.ResolveInbound(_keywordRequests[Next()]);

    [Benchmark]
    public InboundResolution InboundDefault() => _resolver.ResolveInbound(_defaultRequests[Next()]);

    private int Next() => _next++ & (RequestCount - 1);
}
