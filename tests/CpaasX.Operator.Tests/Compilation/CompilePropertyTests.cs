using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Operator.Tests.Support;
using CpaasX.Routing.Table;

using CsCheck;

namespace CpaasX.Operator.Tests.Compilation;

/// <summary>Properties over arbitrary namespaces: compile never throws, and the order of the input never matters.</summary>
public sealed class CompilePropertyTests
{
    [Fact]
    public void Compile_never_throws_and_gives_every_object_a_ready_condition()
    {
        ArbitraryObjects.Namespace.Sample(objects =>
        {
            var result = Compile(objects);

            Assert.Equal(objects.Length, result.Objects.Count);
            Assert.All(result.Objects, compiled => Assert.Single(compiled.DesiredStatus.Conditions!, condition => condition.Type == ConditionTypes.Ready));
            Assert.NotEmpty(RoutingTableJson.Serialize(result.Table));
        }, iter: 2_000);
    }

    [Fact]
    public void Shuffled_input_gives_the_same_bytes_and_statuses()
    {
        ArbitraryObjects.ShufflableNamespace.Sample((objects, seed) =>
        {
            ICustomResource[] shuffled = [.. objects];
            new Random(seed).Shuffle(shuffled);

            var original = Compile(objects);
            var reordered = Compile(shuffled);

            Assert.Equal(RoutingTableJson.Serialize(original.Table), RoutingTableJson.Serialize(reordered.Table));
            var byObject = reordered.Objects.ToDictionary(compiled => (object)compiled.Object, ReferenceEqualityComparer.Instance);
            Assert.All(original.Objects, compiled =>
            {
                var other = byObject[compiled.Object];
                Assert.Equal(compiled.DesiredStatus, other.DesiredStatus, StatusComparer.Instance);
                Assert.Equal(compiled.KeepsFinalizer, other.KeepsFinalizer);
                Assert.Equal(compiled.Referrers, other.Referrers);
            });
        }, iter: 1_000);
    }

    private static CompileResult Compile(ICustomResource[] objects) => NamespaceCompiler.Compile(
        NamespaceSnapshot.Of(NamespaceObjects.Namespace, objects),
        ResourceValueIndex.Build(objects.OfType<Resource>()),
        NamespaceObjects.Now);
}
