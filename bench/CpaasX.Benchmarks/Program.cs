using BenchmarkDotNet.Running;

using CpaasX.Benchmarks;

// A load scenario (a whole-system measurement that BenchmarkDotNet's iteration model does not fit) is run by name;
// anything else goes to BenchmarkDotNet's switcher, e.g. `-- --filter '*Resolve*'`.
if (args.Length > 0 && LoadScenarios.TryGet(args[0], out var scenario))
{
    return await scenario(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(LoadScenarios).Assembly).Run(args);
return 0;
