using System.Text.Json.Nodes;

using CpaasX.ApiServer.Errors;
using CpaasX.ApiServer.Handlers;
using CpaasX.ApiServer.Resources;
using CpaasX.ApiServer.Storage;

namespace CpaasX.ApiServer.Selectors;

/// <summary>
/// A parsed <c>fieldSelector</c>: terms joined by commas (all must hold), each <c>field=value</c>, <c>field==value</c> or
/// <c>field!=value</c>. A field is <c>metadata.name</c>, <c>metadata.namespace</c> (namespaced types) or one of the
/// type's CRD selectableFields; an absent field has the value "", as on a real API server.
/// </summary>
internal sealed class FieldSelector(IReadOnlyList<(string Field, bool Equal, string Value)> terms)
{
    public static FieldSelector Everything { get; } = new([]);

    public bool Matches(StoredObject obj) => terms.All(t => (Value(obj, t.Field) == t.Value) == t.Equal);

    public static FieldSelector Parse(string? text, ResourceType type)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var terms = new List<(string, bool, string)>();
        foreach (var clause in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var (field, equal, value) = clause.Contains("!=", StringComparison.Ordinal) ? Split(clause, "!=", false)
                : clause.Contains("==", StringComparison.Ordinal) ? Split(clause, "==", true)
                : Split(clause, "=", true);
            if (!IsSelectable(field, type))
            {
                // The real server's words (apiextensions-apiserver's ConvertFieldLabel, returned as BadRequest by the list handler).
                throw ApiErrors.BadRequest($"field label not supported: {field}");
            }

            terms.Add((field, equal, value));
        }

        return new FieldSelector(terms);
    }

    private static bool IsSelectable(string field, ResourceType type) =>
        field == "metadata.name" || (type.Namespaced && field == "metadata.namespace") || type.SelectableFields.Contains(field);

    private static (string, bool, string) Split(string clause, string op, bool equal)
    {
        var at = clause.IndexOf(op, StringComparison.Ordinal);
        if (at < 0)
        {
            throw ApiErrors.BadRequest($"invalid selector: '{clause}'; can't understand '{clause}'");
        }

        return (clause[..at].Trim(), equal, clause[(at + op.Length)..].Trim());
    }

    private static string Value(StoredObject obj, string field) => field switch
    {
        "metadata.name" => obj.Name,
        "metadata.namespace" => obj.Namespace,
        _ => ColumnPath.Evaluate(obj.Value, "." + field) is JsonValue value ? value.ToString() : "",
    };
}
