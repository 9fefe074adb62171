using System.Diagnostics.CodeAnalysis;

namespace CpaasX.Benchmarks;

/// <summary>The load scenarios, by the name given as the first argument. Each returns the process exit code.</summary>
internal static class LoadScenarios
{
    private static readonly Dictionary<string, Func<string[], Task<int>>> Scenarios = new(StringComparer.Ordinal)
    {
        ["apiserver-load"] = ApiServerLoad.RunAsync,
        ["compile-load"] = CompileLoad.RunAsync,
        ["console-page"] = ConsolePageLoad.RunAsync,
        ["diff-load"] = DiffLoad.RunAsync,
        ["operator-load"] = OperatorLoad.RunAsync,
        ["platform-plan"] = PlatformPlanLoad.RunAsync,
        ["routing-cache"] = RoutingCacheLoad.RunAsync,
        ["routing-shards"] = RoutingShardLoad.RunAsync,
        ["sidecar-load"] = SidecarLoad.RunAsync,
    };

    public static bool TryGet(string name, [NotNullWhen(true)] out Func<string[], Task<int>>? scenario) =>
        Scenarios.TryGetValue(name, out scenario);
}
