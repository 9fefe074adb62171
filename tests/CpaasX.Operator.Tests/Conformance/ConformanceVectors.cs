using System.Text;
using System.Text.Json.Nodes;

using CpaasX.Operator.Tests.Compilation;
using CpaasX.Operator.Tests.Support;
using CpaasX.Routing.Model;
using CpaasX.Routing.Resolution;
using CpaasX.Routing.Table;
using CpaasX.Routing.Tests.Resolution;

namespace CpaasX.Operator.Tests.Conformance;

/// <summary>
/// Generates config/routing-conformance/: per table one JSON file holding the table (as routing.json holds it) and
/// request/answer pairs (the request as the sidecar's query parameters, the HTTP status and the answer as
/// <c>resolve</c> prints it), from the samples compiled and from the routing rule tests' cases. A port of the resolver
/// to another language proves itself against these. Regenerate with
/// <c>CPAASX_REGENERATE_CONFORMANCE=1 dotnet test tests/CpaasX.Operator.Tests --filter FullyQualifiedName~ConformanceVectorTests</c>.
/// </summary>
internal static class ConformanceVectors
{
    public const string RegenerateVariable = "CPAASX_REGENERATE_CONFORMANCE";

    public static string CommittedFolder { get; } = RepositoryRoot.Combine("config", "routing-conformance");

    /// <summary>Every vector file by its path under the folder ('/'-separated), with its bytes.</summary>
    public static SortedDictionary<string, byte[]> Generate()
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["samples/customers.json"] = Vector(
                "The customers sample (config/samples/customers): one application sending for several entities.",
                SampleCompileTests.CompileSet("customers").Table,
                [
                    ("pair pool with its sticky strategy", new OutboundRequest("notifier", "acme", Channel.Sms, "+12015550000")),
                    ("pair pool to Canada", new OutboundRequest("notifier", "acme", Channel.Sms, "+14165550000")),
                    ("pair pool to the United Kingdom", new OutboundRequest("notifier", "acme", Channel.Sms, "+447700900123")),
                    ("explicit sender by resource name", new OutboundRequest("notifier", "acme", Channel.Sms, "+12015550000", "acme-ca")),
                    ("entity under another entityId", new OutboundRequest("notifier", "globex-corporation", Channel.Sms, "+13125550000")),
                    ("voice pool", new OutboundRequest("notifier", "globex-corporation", Channel.Voice, "+13125550000")),
                    ("chat app", new OutboundRequest("notifier", "initech", Channel.WhatsApp, "447700900123")),
                    ("unknown entity", new OutboundRequest("notifier", "hooli", Channel.Sms, "+13125550000")),
                ],
                []),
            ["samples/environments.json"] = Vector(
                "The environments sample (config/samples/environments): one application per environment.",
                SampleCompileTests.CompileSet("environments").Table,
                [
                    ("production, sticky over the priority group", new OutboundRequest("checkout-prod", null, Channel.Sms, "+12015550199")),
                    ("production to another recipient, sticky to the other sender", new OutboundRequest("checkout-prod", null, Channel.Sms, "+12015550100")),
                    ("production to a third recipient", new OutboundRequest("checkout-prod", null, Channel.Sms, "+13125550102")),
                    ("production to the United Kingdom", new OutboundRequest("checkout-prod", null, Channel.Sms, "+447700900123")),
                    ("production MMS", new OutboundRequest("checkout-prod", null, Channel.Mms, "+12015550199")),
                    ("production voice", new OutboundRequest("checkout-prod", null, Channel.Voice, "+12015550199")),
                    ("production to France", new OutboundRequest("checkout-prod", null, Channel.Sms, "+33612345678")),
                    ("development", new OutboundRequest("checkout-dev", null, Channel.Sms, "+12015550000")),
                    ("default application", new OutboundRequest(null, null, Channel.Sms, "+12015550000")),
                ],
                []),
            ["samples/inbound.json"] = Vector(
                "The inbound sample (config/samples/inbound): keywords, a default route, a shared short code, voice.",
                SampleCompileTests.CompileSet("inbound").Table,
                [],
                [
                    ("keyword", new InboundRequest("+13125550121", Channel.Sms, "BILLING please")),
                    ("keyword in lower case", new InboundRequest("+13125550121", Channel.Sms, "partner hello")),
                    ("default route", new InboundRequest("+13125550121", Channel.Sms, "hello")),
                    ("no text", new InboundRequest("+13125550121", Channel.Sms)),
                    ("MMS route", new InboundRequest("+13125550121", Channel.Mms, "picture")),
                    ("voice association", new InboundRequest("+13125550121", Channel.Voice)),
                    ("shared short code keyword", new InboundRequest("55123", Channel.Sms, "join now")),
                    ("shared short code without keyword", new InboundRequest("55123", Channel.Sms, "hello")),
                    ("unknown number", new InboundRequest("+13125559999", Channel.Sms, "hello")),
                ]),
        };

        foreach (var (rule, row) in OutboundRuleTests.Cases)
        {
            var builder = new RoutingTableBuilder("shop");
            row.Setup(builder);
            files[$"rules/outbound/{rule}.json"] = Vector($"The outbound rule {rule} (routing rule tests).", builder.Build(), [(rule, row.Request)], []);
        }

        foreach (var (rule, row) in InboundRuleTests.Cases)
        {
            var builder = new RoutingTableBuilder("shop");
            row.Setup(builder);
            files[$"rules/inbound/{rule}.json"] = Vector($"The inbound rule {rule} (routing rule tests).", builder.Build(), [], [(rule, row.Request)]);
        }

        return files;
    }

    /// <summary>Replaces the folder's vector files with what <see cref="Generate"/> writes.</summary>
    public static void Write(string folder)
    {
        foreach (var stale in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories) : [])
        {
            File.Delete(stale);
        }

        foreach (var (name, content) in Generate())
        {
            var path = Path.Combine(folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, content);
        }
    }

    /// <summary>The vector files under <paramref name="folder"/> by their '/'-separated path.</summary>
    public static SortedDictionary<string, byte[]> Read(string folder) => new(
        Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetRelativePath(folder, path).Replace('\\', '/'), File.ReadAllBytes),
        StringComparer.Ordinal);

    private static byte[] Vector(
        string description,
        RoutingTable table,
        IReadOnlyList<(string Name, OutboundRequest Request)> outbound,
        IReadOnlyList<(string Name, InboundRequest Request)> inbound)
    {
        var resolver = new RoutingResolver(table);
        JsonArray cases =
        [
            .. outbound.Select(item => Case(item.Name, "outbound", ResolutionQuery.ParametersOf(item.Request), () =>
            {
                var answer = resolver.ResolveOutbound(item.Request);
                return (ResolutionJson.Of(answer), answer.IsRouted);
            })),
            .. inbound.Select(item => Case(item.Name, "inbound", ResolutionQuery.ParametersOf(item.Request), () =>
            {
                var answer = resolver.ResolveInbound(item.Request);
                return (ResolutionJson.Of(answer), answer.IsRouted);
            })),
        ];
        var vector = new JsonObject
        {
            ["description"] = description,
            ["table"] = JsonNode.Parse(RoutingTableJson.Serialize(table)),
            ["cases"] = cases,
        };
        return Encoding.UTF8.GetBytes(vector.ToJsonString(ResolutionJson.WriteOptions) + "\n");
    }

    private static JsonObject Case(string name, string direction, IReadOnlyList<KeyValuePair<string, string>> request, Func<(JsonObject Answer, bool Routed)> resolve)
    {
        var (answer, routed) = resolve();
        // A non-sticky pick over several senders rotates: the next resolve answers another sender. Such a case
        // proves nothing across implementations, so it is not a vector.
        if (!JsonNode.DeepEquals(answer, resolve().Answer))
        {
            throw new InvalidOperationException($"'{name}' is not deterministic (a non-sticky pick over several senders); choose another request.");
        }

        return new JsonObject
        {
            ["name"] = name,
            ["direction"] = direction,
            ["request"] = new JsonObject(request.Select(parameter => KeyValuePair.Create(parameter.Key, (JsonNode?)parameter.Value))),
            ["status"] = routed ? 200 : 422,
            ["answer"] = answer,
        };
    }
}
