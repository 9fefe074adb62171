using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CpaasX.Routing.Resolution;

/// <summary>
/// The JSON of an answer, as the CLI's <c>resolve</c>, the routing sidecar and the conformance vectors give it: routed,
/// <c>sender</c>, <c>resource</c>, <c>level</c>, <c>strategy</c>, <c>associated</c> (outbound; for an explicit sender,
/// whether the requester also has it associated, else null) or <c>applicationId</c>, <c>entityId</c>,
/// <c>source</c>, <c>keyword</c> (inbound); not routed, <c>error</c> and <c>message</c>; always <c>explanation</c>.
/// The <c>Write</c> methods are the one definition of the fields; the routing sidecar writes with them straight into its
/// answer, without the tree of nodes <c>Of</c> builds.
/// </summary>
public static class ResolutionJson
{
    /// <summary>Indented, with <c>+</c> of numbers left unescaped, as every answer is printed.</summary>
    public static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary><see cref="WriteOptions"/> for a <see cref="Utf8JsonWriter"/>.</summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = WriteOptions.WriteIndented,
        Encoder = WriteOptions.Encoder,
    };

    public static JsonObject Of(OutboundResolution answer) => Parse(writer => Write(writer, answer));

    public static JsonObject Of(InboundResolution answer) => Parse(writer => Write(writer, answer));

    public static void Write(Utf8JsonWriter writer, OutboundResolution answer)
    {
        if (!answer.IsRouted)
        {
            WriteNotRouted(writer, answer.Error!.Value, answer.Message!, answer.Explanation);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("sender", answer.Sender!.Value);
        writer.WriteString("resource", answer.Sender.Resource);
        writer.WriteString("level", answer.Level!.Value.ToString());
        writer.WriteString("strategy", answer.Strategy);
        if (answer.SenderAssociated is { } associated)
        {
            writer.WriteBoolean("associated", associated);
        }
        else
        {
            writer.WriteNull("associated");
        }

        WriteExplanation(writer, answer.Explanation);
        writer.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter writer, InboundResolution answer)
    {
        if (!answer.IsRouted)
        {
            WriteNotRouted(writer, answer.Error!.Value, answer.Message!, answer.Explanation);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("applicationId", answer.Route!.ApplicationId);
        writer.WriteString("entityId", answer.Route.EntityId);
        writer.WriteString("source", answer.Route.Source);
        writer.WriteString("keyword", answer.Keyword);
        WriteExplanation(writer, answer.Explanation);
        writer.WriteEndObject();
    }

    private static void WriteNotRouted(Utf8JsonWriter writer, UnroutedReason error, string message, IReadOnlyList<string> explanation)
    {
        writer.WriteStartObject();
        writer.WriteString("error", error.ToString());
        writer.WriteString("message", message);
        WriteExplanation(writer, explanation);
        writer.WriteEndObject();
    }

    private static void WriteExplanation(Utf8JsonWriter writer, IReadOnlyList<string> explanation)
    {
        writer.WriteStartArray("explanation");
        for (var i = 0; i < explanation.Count; i++)
        {
            writer.WriteStringValue(explanation[i]);
        }

        writer.WriteEndArray();
    }

    private static JsonObject Parse(Action<Utf8JsonWriter> write)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output, WriterOptions))
        {
            write(writer);
        }

        return JsonNode.Parse(output.WrittenSpan)!.AsObject();
    }
}
