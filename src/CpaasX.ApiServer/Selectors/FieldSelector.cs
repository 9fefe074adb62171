using CpaasX.ApiServer.Http;
using CpaasX.ApiServer.Storage;

namespace CpaasX.ApiServer.Selectors;

/// <summary>A parsed <c>fieldSelector</c>: <c>metadata.name</c> and <c>metadata.namespace</c> with <c>=</c>, <c>==</c> or <c>!=</c>.</summary>
internal sealed class FieldSelector(IReadOnlyList<(string Field, bool Equal, string Value)> terms)
{
    public static FieldSelector Everything { get; } = new([]);

    public bool Matches(StoredObject obj) => terms.All(t => (Value(obj, t.Field) == t.Value) == t.Equal);

    public static FieldSelector Parse(string? text)
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
            if (field is not ("metadata.name" or "metadata.namespace"))
            {
                throw ApiErrors.BadRequest($"field label not supported: {field}");
            }

            terms.Add((field, equal, value));
        }

        return new FieldSelector(terms);
    }

    private static (string, bool, string) Split(string clause, string op, bool equal)
    {
        var at = clause.IndexOf(op, StringComparison.Ordinal);
        if (at < 0)
        {
            throw ApiErrors.BadRequest($"invalid selector: '{clause}'; can't understand '{clause}'");
        }

        return (clause[..at].Trim(), equal, clause[(at + op.Length)..].Trim());
    }

    private static string Value(StoredObject obj, string field) => field == "metadata.name" ? obj.Name : obj.Namespace;
}
