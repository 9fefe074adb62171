using System.Text.Json;
using System.Text.Json.Nodes;

namespace CpaasX.Operator.Runtime.Client;

/// <summary>
/// Decodes one object of a list page or a watch line into <typeparamref name="T"/>; an object that does not decode is
/// read as raw JSON instead and described by an <see cref="UndecodableObject"/>, so the page or stream goes on past it.
/// </summary>
internal static class ItemDecoder
{
    /// <summary>
    /// Decodes the object at <paramref name="reader"/> (on its first token) and leaves the reader on its last token.
    /// Returns null with <paramref name="undecodable"/> set when the object does not fit <typeparamref name="T"/>.
    /// </summary>
    /// <exception cref="JsonException">The item is not JSON at all, or not even its name can be read.</exception>
    public static T? Decode<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, out UndecodableObject? undecodable)
        where T : class
    {
        var start = reader;
        try
        {
            undecodable = null;
            return JsonSerializer.Deserialize<T>(ref reader, options);
        }
        catch (Exception error) when (error is JsonException or FormatException or InvalidOperationException or OverflowException or ArgumentException)
        {
            reader = start;
            undecodable = UndecodableObject.Of(JsonNode.Parse(ref reader), error)
                ?? throw new JsonException($"An object without a readable name could not be decoded: {error.Message}", error);
            return null;
        }
    }
}
