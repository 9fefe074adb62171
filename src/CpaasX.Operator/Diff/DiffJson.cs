using System.Text;

using CpaasX.Routing.Table;

namespace CpaasX.Operator.Diff;

/// <summary>
/// The JSON report of <c>diff</c>, in the conventions of routing.json (camelCase, two-space indentation, nulls written
/// out, the platform's enum names). Its shape is config/routing-diff.schema.json.
/// </summary>
public static class DiffJson
{
    public static string Serialize(RoutingDiff diff) => Encoding.UTF8.GetString(RoutingTableJson.SerializeDocument(diff));
}
