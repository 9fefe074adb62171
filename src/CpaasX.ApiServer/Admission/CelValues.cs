using System.Text.Json;
using System.Text.Json.Nodes;

namespace CpaasX.ApiServer.Admission;

/// <summary>
/// Builds CEL's <c>self</c> from JSON the way the Cel package can select fields on it: string-keyed dictionaries for
/// objects, lists for arrays, <c>long</c> for integers.
/// </summary>
internal static class CelValues
{
    public static object? From(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => From(p.Value), StringComparer.Ordinal),
        JsonArray array => array.Select(From).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetValue<long>(out var integer) => integer,
            JsonValueKind.Number => value.GetValue<double>(),
            _ => null,
        },
        _ => null,
    };
}
