using System.Text.RegularExpressions;

using CpaasX.ApiServer.Errors;

namespace CpaasX.ApiServer.Selectors;

/// <summary>A parsed <c>labelSelector</c> query parameter; every requirement must hold.</summary>
internal sealed partial class LabelSelector(IReadOnlyList<LabelRequirement> requirements)
{
    public static LabelSelector Everything { get; } = new([]);

    public bool Matches(IReadOnlyDictionary<string, string> labels) => requirements.All(r => r.Matches(labels));

    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = new List<LabelRequirement>();
        foreach (var clause in SplitClauses(text))
        {
            var set = SetClause().Match(clause);
            var equality = EqualityClause().Match(clause);
            if (set.Success)
            {
                var values = set.Groups["values"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                var op = set.Groups["op"].Value == "in" ? LabelOperator.In : LabelOperator.NotIn;
                requirements.Add(new LabelRequirement(set.Groups["key"].Value, op, values.ToHashSet(StringComparer.Ordinal)));
            }
            else if (equality.Success)
            {
                var op = equality.Groups["op"].Value == "!=" ? LabelOperator.NotIn : LabelOperator.In;
                requirements.Add(new LabelRequirement(equality.Groups["key"].Value, op, new HashSet<string>([equality.Groups["value"].Value], StringComparer.Ordinal)));
            }
            else if (clause.StartsWith('!'))
            {
                requirements.Add(new LabelRequirement(clause[1..].Trim(), LabelOperator.DoesNotExist, new HashSet<string>()));
            }
            else if (KeyOnly().IsMatch(clause))
            {
                requirements.Add(new LabelRequirement(clause, LabelOperator.Exists, new HashSet<string>()));
            }
            else
            {
                throw ApiErrors.BadRequest($"unable to parse requirement: found '{clause}', expected: label selector requirement");
            }
        }

        return new LabelSelector(requirements);
    }

    /// <summary>Splits on commas outside parentheses, so that <c>k in (a,b)</c> stays one clause.</summary>
    private static IEnumerable<string> SplitClauses(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || (text[i] == ',' && depth == 0))
            {
                var clause = text[start..i].Trim();
                if (clause.Length > 0)
                {
                    yield return clause;
                }

                start = i + 1;
            }
            else if (text[i] == '(')
            {
                depth++;
            }
            else if (text[i] == ')')
            {
                depth--;
            }
        }
    }

    [GeneratedRegex(@"^(?<key>[^\s!=(),]+)\s+(?<op>in|notin)\s*\((?<values>[^)]*)\)$")]
    private static partial Regex SetClause();

    [GeneratedRegex(@"^(?<key>[^\s!=(),]+)\s*(?<op>==|=|!=)\s*(?<value>[^\s!=(),]*)$")]
    private static partial Regex EqualityClause();

    [GeneratedRegex(@"^[^\s!=(),]+$")]
    private static partial Regex KeyOnly();
}
