using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CpaasX.Routing.Resolution;

/// <summary>
/// The JSON of an answer, as the CLI's <c>resolve</c>, the routing sidecar and the conformance vectors give it: routed,
/// <c>sender</c>, <c>resource</c>, <c>level</c>, <c>strategy</c>, <c>associated</c> (outbound; for an explicit sender,
/// whether the requester also has it associated, else null) or <c>applicationId</c>, <c>entityId</c>,
/// <c>source</c>, <c>keyword</c> (inbound); not routed, <c>error</c> and <c>message</c>; always <c>explanation</c>.
/// </summary>
public static class ResolutionJson
{
    /// <summary>Indented, with <c>+</c> of numbers left unescaped, as every answer is printed.</summary>
    public static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonObject Of(OutboundResolution answer) => answer.IsRouted
        ? new JsonObject
        {
            ["sender"] = answer.Sender!.Value,
            ["resource"] = answer.Sender.Resource,
            ["level"] = answer.Level!.Value.ToString(),
            ["strategy"] = answer.Strategy,
            ["associated"] = answer.SenderAssociated,
            ["explanation"] = Lines(answer.Explanation),
        }
        : NotRouted(answer.Error!.Value, answer.Message!, answer.Explanation);

    public static JsonObject Of(InboundResolution answer) => answer.IsRouted
        ? new JsonObject
        {
            ["applicationId"] = answer.Route!.ApplicationId,
            ["entityId"] = answer.Route.EntityId,
            ["source"] = answer.Route.Source,
            ["keyword"] = answer.Keyword,
            ["explanation"] = Lines(answer.Explanation),
        }
        : NotRouted(answer.Error!.Value, answer.Message!, answer.Explanation);

    private static JsonObject NotRouted(UnroutedReason error, string message, IReadOnlyList<string> explanation) => new()
    {
        ["error"] = error.ToString(),
        ["message"] = message,
        ["explanation"] = Lines(explanation),
    };

    private static JsonArray Lines(IReadOnlyList<string> explanation) => [.. explanation.Select(line => JsonValue.Create(line))];
}
