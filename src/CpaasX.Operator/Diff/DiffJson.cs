using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CpaasX.Operator.Diff;

/// <summary>
/// The JSON report of <c>diff</c>, in the conventions of routing.json (camelCase, two-space indentation, nulls written
/// out, the platform's enum names). Its shape is config/routing-diff.schema.json.
/// </summary>
public static class DiffJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Serialize(RoutingDiff diff) => JsonSerializer.Serialize(diff, Options) + "\n";
}
