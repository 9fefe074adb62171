using System.Text.Json.Nodes;

using CpaasX.Routing.Resolution;
using CpaasX.Routing.Table;

namespace CpaasX.Operator.Tests.Conformance;

/// <summary>The committed conformance vectors are current, and the resolver answers every one of them as written.</summary>
public sealed class ConformanceVectorTests
{
    [Fact]
    public void Committed_vectors_are_what_the_generator_writes_byte_for_byte()
    {
        if (Environment.GetEnvironmentVariable(ConformanceVectors.RegenerateVariable) == "1")
        {
            ConformanceVectors.Write(ConformanceVectors.CommittedFolder);
        }

        var generated = ConformanceVectors.Generate();
        var committed = ConformanceVectors.Read(ConformanceVectors.CommittedFolder);

        Assert.Equal(generated.Keys, committed.Keys);
        Assert.All(generated, file => Assert.True(
            file.Value.AsSpan().SequenceEqual(committed[file.Key]),
            $"config/routing-conformance/{file.Key} is stale: run '{ConformanceVectors.RegenerateVariable}=1 dotnet test tests/CpaasX.Operator.Tests --filter FullyQualifiedName~ConformanceVectorTests'."));
    }

    public static TheoryData<string> Files() => [.. ConformanceVectors.Read(ConformanceVectors.CommittedFolder).Keys];

    [Theory]
    [MemberData(nameof(Files))]
    public void The_resolver_answers_every_vector_as_written(string file)
    {
        var vector = JsonNode.Parse(ConformanceVectors.Read(ConformanceVectors.CommittedFolder)[file])!.AsObject();
        var resolver = new RoutingResolver(RoutingTableJson.Deserialize(System.Text.Encoding.UTF8.GetBytes(vector["table"]!.ToJsonString())));
        var cases = vector["cases"]!.AsArray();

        Assert.NotEmpty(cases);
        Assert.All(cases, item =>
        {
            var request = item!["request"]!.AsObject();
            string? Parameter(string name) => request[name]?.GetValue<string>();
            var (answer, routed) = item["direction"]!.GetValue<string>() switch
            {
                "outbound" => Of(resolver.ResolveOutbound(ResolutionQuery.Outbound(Parameter))),
                "inbound" => Of(resolver.ResolveInbound(ResolutionQuery.Inbound(Parameter))),
                var other => throw new InvalidOperationException($"direction '{other}'"),
            };
            Assert.True(JsonNode.DeepEquals(item["answer"], answer), $"{item["name"]}: expected {item["answer"]!.ToJsonString()}, got {answer.ToJsonString()}");
            Assert.Equal(routed ? 200 : 422, item["status"]!.GetValue<int>());
        });
    }

    private static (JsonObject Answer, bool Routed) Of(OutboundResolution answer) => (ResolutionJson.Of(answer), answer.IsRouted);

    private static (JsonObject Answer, bool Routed) Of(InboundResolution answer) => (ResolutionJson.Of(answer), answer.IsRouted);
}
