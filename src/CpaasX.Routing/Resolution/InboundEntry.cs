using CpaasX.Routing.Table;

namespace CpaasX.Routing.Resolution;

/// <summary>An inbound route with its keyword routes indexed case-insensitively, for lookups by a span of the text.</summary>
internal sealed class InboundEntry(InboundRoute route)
{
    private readonly Dictionary<string, KeywordRoute> _keywords =
        route.KeywordRoutes.ToDictionary(k => k.Keyword, StringComparer.OrdinalIgnoreCase);

    public InboundRoute Route { get; } = route;

    public KeywordRoute? FindKeyword(ReadOnlySpan<char> word) =>
        _keywords.Count > 0 && _keywords.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var keywordRoute)
            ? keywordRoute
            : null;
}
