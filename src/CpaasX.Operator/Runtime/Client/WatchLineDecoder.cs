using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

using k8s;
using k8s.Models;

namespace CpaasX.Operator.Runtime.Client;

/// <summary>
/// Decodes one line of a watch stream, <c>{"type":…,"object":…}</c>, from its UTF-8 bytes in one pass: the object is
/// read straight into <typeparamref name="T"/>, a Status (ERROR) or a bookmark into what it is. Only when "object"
/// comes before "type" (JSON does not fix the order; API servers write "type" first) is the object held as a JSON
/// element until its type is known. An object that does not fit <typeparamref name="T"/> comes as its
/// <see cref="UndecodableObject"/>, so the watch moves past it; a line that cannot be read at all becomes an ERROR
/// event saying so.
/// </summary>
internal static class WatchLineDecoder
{
    public static WatchEvent<T> Decode<T>(ReadOnlySequence<byte> line, JsonSerializerOptions options)
        where T : class
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject, "a JSON object");
            string? type = null;
            WatchEvent<T>? decoded = null;
            JsonElement? early = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    type = reader.GetString();
                }
                else if (reader.ValueTextEquals("object"u8))
                {
                    reader.Read();
                    if (type is null)
                    {
                        early = JsonElement.ParseValue(ref reader);
                    }
                    else
                    {
                        decoded = Event<T>(type, ref reader, options);
                    }
                }
                else
                {
                    reader.Skip();
                }
            }

            Expect(type is not null, "a \"type\"");
            if (early is { } element)
            {
                var bytes = new Utf8JsonReader(JsonSerializer.SerializeToUtf8Bytes(element));
                bytes.Read();
                decoded = Event<T>(type!, ref bytes, options);
            }

            return decoded ?? throw new JsonException("The watch event has no \"object\".");
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException or ArgumentOutOfRangeException)
        {
            return WatchEvent<T>.Error(new V1Status { Reason = "InvalidWatchEvent", Message = error.Message });
        }
    }

    private static WatchEvent<T> Event<T>(string type, ref Utf8JsonReader reader, JsonSerializerOptions options)
        where T : class => type switch
        {
            "ERROR" => WatchEvent<T>.Error(JsonSerializer.Deserialize<V1Status>(ref reader, options) ?? throw new JsonException("The ERROR event has no Status.")),
            "BOOKMARK" => WatchEvent<T>.Bookmark(JsonSerializer.Deserialize<BookmarkObject>(ref reader, options)?.Metadata?.ResourceVersion ?? string.Empty),
            _ => Changed<T>(
                Enum.TryParse<WatchEventType>(type, ignoreCase: true, out var changed) ? changed : throw new JsonException($"Unknown watch event type \"{type}\"."),
                ref reader,
                options),
        };

    private static WatchEvent<T> Changed<T>(WatchEventType type, ref Utf8JsonReader reader, JsonSerializerOptions options)
        where T : class
    {
        var obj = ItemDecoder.Decode<T>(ref reader, options, out var undecodable);
        return undecodable is not null ? WatchEvent<T>.Changed(type, undecodable)
            : WatchEvent<T>.Changed(type, obj ?? throw new JsonException($"The {type} event has no object."));
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new JsonException($"A watch event must be {what}.");
        }
    }

    /// <summary>What a BOOKMARK carries: only its metadata's resourceVersion counts.</summary>
    private sealed record BookmarkObject([property: JsonPropertyName("metadata")] V1ObjectMeta? Metadata);
}
