using CpaasX.Routing.Resolution;

namespace CpaasX.Routing.Tests;

/// <summary>The routing library ships as a package that workloads take alone.</summary>
public sealed class PackageTests
{
    [Fact]
    public void The_routing_library_references_nothing_but_the_runtime()
    {
        var references = typeof(RoutingResolver).Assembly.GetReferencedAssemblies().Select(reference => reference.Name!);

        Assert.All(references, name => Assert.True(name.StartsWith("System.", StringComparison.Ordinal), $"CpaasX.Routing references {name}"));
    }
}
