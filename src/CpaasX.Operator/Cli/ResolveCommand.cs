using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

using CpaasX.Routing.Model;
using CpaasX.Routing.Resolution;
using CpaasX.Routing.Table;

namespace CpaasX.Operator.Cli;

/// <summary>
/// <c>resolve outbound|inbound</c>: answers one message from a routing table file (routing.json, or routing.json.gz),
/// or from a namespace's routing ConfigMap in the cluster, with the routing library's rules, as one JSON object on
/// stdout. Exit 0 routed, 3 no route, 2 bad usage.
/// </summary>
internal static class ResolveCommand
{
    public const int NoRouteExitCode = 3;

    private static readonly JsonSerializerOptions OutputOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create(Func<string, string?>? environment = null)
    {
        var resolve = new Command("resolve", "Resolve one message against a routing table with the routing rules, explaining the answer.");
        resolve.Subcommands.Add(Outbound(environment ?? Environment.GetEnvironmentVariable));
        resolve.Subcommands.Add(Inbound(environment ?? Environment.GetEnvironmentVariable));
        return resolve;
    }

    private static Command Outbound(Func<string, string?> environment)
    {
        var source = new RoutingTableSource(environment);
        var application = new Option<string>("--application") { Description = "The sending applicationId (empty: default).", Required = true };
        var entity = new Option<string?>("--entity") { Description = "The entityId the message is sent for." };
        var channel = ChannelOption();
        var to = new Option<string>("--to") { Description = "The destination: a number in any usual form (+12015550101, 12015550101, +1 (201) 555-0101, 0012015550101), or the channel's address.", Required = true };
        var sender = new Option<string?>("--sender") { Description = "An explicit sender (value in any usual form, or Resource name): any Ready Resource that fits the channel, associated or not; it wins over any strategy." };
        var command = new Command("outbound", "Which sender an outbound message goes from.") { application, entity, channel, to, sender };
        source.AddTo(command);
        command.Action = new UsageCheckedAction(parseResult =>
        {
            var resolver = new RoutingResolver(source.Load(parseResult));
            var answer = resolver.ResolveOutbound(new OutboundRequest(
                parseResult.GetValue(application),
                parseResult.GetValue(entity),
                ParseChannel(parseResult.GetRequiredValue(channel)),
                parseResult.GetRequiredValue(to),
                parseResult.GetValue(sender)));
            return answer.IsRouted
                ? Write(parseResult, new JsonObject
                {
                    ["sender"] = answer.Sender!.Value,
                    ["resource"] = answer.Sender.Resource,
                    ["level"] = answer.Level!.Value.ToString(),
                    ["strategy"] = answer.Strategy,
                    ["associated"] = answer.SenderAssociated,
                    ["explanation"] = Lines(answer.Explanation),
                })
                : WriteNoRoute(parseResult, answer.Error!.Value, answer.Message!, answer.Explanation);
        });
        return command;
    }

    private static Command Inbound(Func<string, string?> environment)
    {
        var source = new RoutingTableSource(environment);
        var number = new Option<string>("--number") { Description = "The number (or chat-app sender) the message reached, in any usual form (the platform's webhooks write it without '+').", Required = true };
        var channel = ChannelOption();
        var text = new Option<string?>("--text") { Description = "The message text; its first word is the keyword." };
        var command = new Command("inbound", "Which application and entity receive an inbound message.") { number, channel, text };
        source.AddTo(command);
        command.Action = new UsageCheckedAction(parseResult =>
        {
            var resolver = new RoutingResolver(source.Load(parseResult));
            var answer = resolver.ResolveInbound(new InboundRequest(
                parseResult.GetRequiredValue(number),
                ParseChannel(parseResult.GetRequiredValue(channel)),
                parseResult.GetValue(text)));
            return answer.IsRouted
                ? Write(parseResult, new JsonObject
                {
                    ["applicationId"] = answer.Route!.ApplicationId,
                    ["entityId"] = answer.Route.EntityId,
                    ["source"] = answer.Route.Source,
                    ["keyword"] = answer.Keyword,
                    ["explanation"] = Lines(answer.Explanation),
                })
                : WriteNoRoute(parseResult, answer.Error!.Value, answer.Message!, answer.Explanation);
        });
        return command;
    }

    private static Option<string> ChannelOption() =>
        new("--channel") { Description = "SMS, MMS, VOICE, EMAIL, WHATSAPP, VIBER, RCS or WEBRTC.", Required = true };

    private static Channel ParseChannel(string text) =>
        PlatformNames.TryParse<Channel>(text, out var channel)
            ? channel
            : throw new UsageException($"--channel: '{text}' is not a channel (SMS, MMS, VOICE, EMAIL, WHATSAPP, VIBER, RCS, WEBRTC).");

    private static JsonArray Lines(IReadOnlyList<string> explanation) => [.. explanation.Select(line => JsonValue.Create(line))];

    private static int WriteNoRoute(ParseResult parseResult, UnroutedReason error, string message, IReadOnlyList<string> explanation)
    {
        Write(parseResult, new JsonObject
        {
            ["error"] = error.ToString(),
            ["message"] = message,
            ["explanation"] = Lines(explanation),
        });
        return NoRouteExitCode;
    }

    private static int Write(ParseResult parseResult, JsonObject answer)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(answer.ToJsonString(OutputOptions));
        return 0;
    }
}
