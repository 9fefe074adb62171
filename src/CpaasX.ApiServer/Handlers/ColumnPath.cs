using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CpaasX.ApiServer.Handlers;

/// <summary>
/// The subset of JSONPath that printer columns use: <c>.a.b</c>, <c>[0]</c> and <c>[?(@.type=="Ready")]</c>.
/// </summary>
internal static partial class ColumnPath
{
    public static JsonNode? Evaluate(JsonNode? node, string path)
    {
        foreach (Match step in Step().Matches(path.Trim('{', '}')))
        {
            node = step switch
            {
                _ when step.Groups["field"].Success => (node as JsonObject)?[step.Groups["field"].Value],
                _ when step.Groups["index"].Success => node is JsonArray array && int.Parse(step.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture) is var i && i < array.Count ? array[i] : null,
                _ => (node as JsonArray)?.FirstOrDefault(item => item?[step.Groups["key"].Value]?.ToString() == step.Groups["value"].Value),
            };
        }

        return node;
    }

    [GeneratedRegex("""\.(?<field>[A-Za-z0-9_\-]+)|\[(?<index>\d+)\]|\[\?\(@\.(?<key>[A-Za-z0-9_]+)\s*==\s*["'](?<value>[^"']*)["']\)\]""")]
    private static partial Regex Step();
}
