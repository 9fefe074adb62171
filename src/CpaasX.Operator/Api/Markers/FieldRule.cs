using System.Text.RegularExpressions;

using CpaasX.Routing.Model;

namespace CpaasX.Operator.Api.Markers;

/// <summary>
/// One constraint on a field value, read by both the CRD schema generator and the C# validator so the two never drift.
/// Patterns are RE2-compatible (no look-around) because the API server evaluates them with Go's regexp.
/// </summary>
/// <param name="Description">The sentence appended to the field's description, saying what is accepted.</param>
/// <param name="PatternMessage">What the validator and the CEL rule say when the pattern does not match.</param>
/// <param name="PatternAsCel">Emit the pattern as a CEL rule with <paramref name="PatternMessage"/> instead of a schema pattern, where a readable message matters more than the raw regex.</param>
/// <param name="SuggestsCanonicalNumber">A phone number: when another form of it (<see cref="PhoneNumbers"/>) would match, the validator's message says what to write.</param>
public sealed record FieldRule(
    string Description,
    int? MinLength = null,
    int? MaxLength = null,
    string? Pattern = null,
    string? PatternMessage = null,
    bool PatternAsCel = false,
    long? Minimum = null,
    long? Maximum = null,
    bool SuggestsCanonicalNumber = false)
{
    // Go's '$' matches only at the very end; .NET's also before a final newline, so anchor with \z instead.
    private readonly Regex? _regex = Pattern is null
        ? null
        : new Regex(Pattern.EndsWith('$') ? Pattern[..^1] + @"\z" : Pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>The CEL expression that checks the pattern on the field itself.</summary>
    public string CelPatternRule => CelMatches("self");

    /// <summary>A CEL expression that checks the pattern on <paramref name="expression"/>.</summary>
    public string CelMatches(string expression) =>
        $"{expression}.matches('{Pattern?.Replace(@"\", @"\\", StringComparison.Ordinal)}')";

    /// <summary>Whether the value matches the pattern (or there is none).</summary>
    public bool MatchesPattern(string value) => _regex?.IsMatch(value) ?? true;

    /// <summary>Every way the string breaks the rule, as messages; a valid value allocates nothing (validation checks every field of every object).</summary>
    public IReadOnlyList<string> Check(string value)
    {
        List<string>? messages = null;
        if (MinLength is int min && value.Length < min)
        {
            (messages ??= []).Add($"must be at least {min} characters");
        }

        if (MaxLength is int max && value.Length > max)
        {
            (messages ??= []).Add($"must be at most {max} characters");
        }

        if (!MatchesPattern(value))
        {
            (messages ??= []).Add((PatternMessage ?? $"must match {Pattern}") + Suggestion(value));
        }

        return messages ?? [];
    }

    // Specs keep the canonical form, so a number written another way is refused, saying exactly what to write instead.
    private string Suggestion(string value) =>
        SuggestsCanonicalNumber && PhoneNumbers.Normalize(value) is var canonical && canonical != value && MatchesPattern(canonical)
            ? $"; write \"{canonical}\""
            : "";

    /// <summary>Every way the number breaks the rule, as messages; a valid value allocates nothing.</summary>
    public IReadOnlyList<string> Check(long value)
    {
        List<string>? messages = null;
        if (Minimum is long min && value < min)
        {
            (messages ??= []).Add($"must be at least {min}");
        }

        if (Maximum is long max && value > max)
        {
            (messages ??= []).Add($"must be at most {max}");
        }

        return messages ?? [];
    }
}
