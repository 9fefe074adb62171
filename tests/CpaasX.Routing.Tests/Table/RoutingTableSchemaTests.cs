using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

using CpaasX.Routing.Model;
using CpaasX.Routing.Resolution;
using CpaasX.Routing.Table;
using CpaasX.Routing.Tests.Support;

using Json.Schema;

namespace CpaasX.Routing.Tests.Table;

/// <summary>Generated tables validate against config/routing-table.schema.json, and the schema is strict enough to catch drift.</summary>
public sealed class RoutingTableSchemaTests
{
    private static readonly JsonSchema Schema =
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "routing-table.schema.json")));

    [Fact]
    public void Generated_table_validates()
    {
        var result = Evaluate(RoutingTableJson.Serialize(SampleTables.Shop()));

        Assert.True(result.IsValid, Describe(result));
    }

    [Fact]
    public void Empty_table_validates()
    {
        var result = Evaluate(RoutingTableJson.Serialize(new RoutingTableBuilder("empty").Build()));

        Assert.True(result.IsValid, Describe(result));
    }

    [Fact]
    public void Table_written_before_senders_and_resources_still_validates_and_loads()
    {
        var node = JsonNode.Parse(RoutingTableJson.Serialize(SampleTables.Shop()))!.AsObject();
        node.Remove("senders");
        node.Remove("resources");
        var older = Encoding.UTF8.GetBytes(node.ToJsonString());

        var result = Evaluate(older);
        var table = RoutingTableJson.Deserialize(older);
        var explicitAssociated = new RoutingResolver(table).ResolveOutbound(
            new OutboundRequest("checkout-prod", "acme", Channel.Sms, "+13125550000", "nj-line"));

        Assert.True(result.IsValid, Describe(result));
        Assert.Empty(table.Senders);
        Assert.Empty(table.Resources);
        Assert.True(explicitAssociated.IsRouted, explicitAssociated.Message);
    }

    [Fact]
    public void Reader_skips_fields_it_does_not_know_so_additive_fields_keep_older_workloads_loading()
    {
        var node = JsonNode.Parse(RoutingTableJson.Serialize(SampleTables.Shop()))!.AsObject();
        node["addedInSomeLaterVersion"] = new JsonArray(1, 2);
        ((JsonObject)node["resources"]![0]!)["alsoLater"] = true;

        var table = RoutingTableJson.Deserialize(Encoding.UTF8.GetBytes(node.ToJsonString()));

        Assert.Equal(RoutingTableJson.Serialize(SampleTables.Shop()), RoutingTableJson.Serialize(table));
    }

    [Theory]
    [InlineData("/senders/0/channel", "\"FAX\"")]
    [InlineData("/resources/0/ready", "\"yes\"")]
    [InlineData("/outboundPools/0/channel", "\"FAX\"")]
    [InlineData("/strategies/1/priorities/0/priority", "5")]
    [InlineData("/inboundRoutes/0/defaultRoute/source", "\"Somewhere\"")]
    [InlineData("/applications/0/unexpected", "true")]
    public void TableWithAWrongFieldFails(string pointer, string value)
    {
        var node = JsonNode.Parse(RoutingTableJson.Serialize(SampleTables.Shop()))!;
        var segments = pointer.Trim('/').Split('/');
        var parent = segments[..^1].Aggregate(node, (current, segment) => int.TryParse(segment, out var index) ? current[index]! : current[segment]!);
        parent.AsObject()[segments[^1]] = JsonNode.Parse(value);

        Assert.False(Evaluate(Encoding.UTF8.GetBytes(node.ToJsonString())).IsValid);
    }

    private static EvaluationResults Evaluate(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        return Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Describe(EvaluationResults result) =>
        string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}"));
}
