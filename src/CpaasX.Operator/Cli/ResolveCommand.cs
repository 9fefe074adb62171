using System.CommandLine;
using System.Text.Json.Nodes;

using CpaasX.Routing.Resolution;

namespace CpaasX.Operator.Cli;

/// <summary>
/// <c>resolve outbound|inbound</c>: answers one message from a routing table file (routing.json, or routing.json.gz),
/// or from a namespace's routing ConfigMap in the cluster, with the routing library's rules, as one JSON object on
/// stdout. Exit 0 routed, 3 no route, 2 bad usage.
/// </summary>
internal static class ResolveCommand
{
    public const int NoRouteExitCode = 3;

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
        var application = new Option<string>("--" + ResolutionQuery.Application) { Description = "The sending applicationId (empty: default).", Required = true };
        var entity = new Option<string?>("--" + ResolutionQuery.Entity) { Description = "The entityId the message is sent for." };
        var channel = ChannelOption();
        var to = new Option<string>("--" + ResolutionQuery.To) { Description = "The destination: a number in any usual form (+12015550101, 12015550101, +1 (201) 555-0101, 0012015550101), or the channel's address.", Required = true };
        var sender = new Option<string?>("--" + ResolutionQuery.Sender) { Description = "An explicit sender (value in any usual form, or Resource name): any Ready Resource that fits the channel, associated or not; it wins over any strategy." };
        var command = new Command("outbound", "Which sender an outbound message goes from.") { application, entity, channel, to, sender };
        source.AddTo(command);
        command.Action = new UsageCheckedAction(parseResult =>
        {
            var resolver = new RoutingResolver(source.Load(parseResult));
            var answer = resolver.ResolveOutbound(Query(parseResult, ResolutionQuery.Outbound));
            return Write(parseResult, ResolutionJson.Of(answer), answer.IsRouted);
        });
        return command;
    }

    private static Command Inbound(Func<string, string?> environment)
    {
        var source = new RoutingTableSource(environment);
        var number = new Option<string>("--" + ResolutionQuery.Number) { Description = "The number (or chat-app sender) the message reached, in any usual form (the platform's webhooks write it without '+').", Required = true };
        var channel = ChannelOption();
        var text = new Option<string?>("--" + ResolutionQuery.Text) { Description = "The message text; its first word is the keyword." };
        var command = new Command("inbound", "Which application and entity receive an inbound message.") { number, channel, text };
        source.AddTo(command);
        command.Action = new UsageCheckedAction(parseResult =>
        {
            var resolver = new RoutingResolver(source.Load(parseResult));
            var answer = resolver.ResolveInbound(Query(parseResult, ResolutionQuery.Inbound));
            return Write(parseResult, ResolutionJson.Of(answer), answer.IsRouted);
        });
        return command;
    }

    private static Option<string> ChannelOption() =>
        new("--" + ResolutionQuery.Channel) { Description = "SMS, MMS, VOICE, EMAIL, WHATSAPP, VIBER, RCS or WEBRTC.", Required = true };

    // The options are named after the query parameters, so the request is read as the sidecar reads its query string.
    private static TRequest Query<TRequest>(ParseResult parseResult, Func<Func<string, string?>, TRequest> read)
    {
        try
        {
            return read(name => parseResult.GetValue<string?>("--" + name));
        }
        catch (FormatException exception)
        {
            throw new UsageException("--" + exception.Message, exception);
        }
    }

    private static int Write(ParseResult parseResult, JsonObject answer, bool routed)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(answer.ToJsonString(ResolutionJson.WriteOptions));
        return routed ? 0 : NoRouteExitCode;
    }
}
