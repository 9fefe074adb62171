using CpaasX.Operator.Api.V1Alpha1;

namespace CpaasX.Operator.Compilation;

/// <summary>Per key, the candidate that wins by <see cref="CreationOrder"/>: the oldest, then by name.</summary>
internal static class Winners
{
    public static Dictionary<string, T> Oldest<T>(IEnumerable<T> candidates, Func<T, string> key)
        where T : ICustomResource
    {
        Dictionary<string, T> winners = new(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            var candidateKey = key(candidate);
            if (!winners.TryGetValue(candidateKey, out var current) || CreationOrder.Instance.Compare(candidate, current) < 0)
            {
                winners[candidateKey] = candidate;
            }
        }

        return winners;
    }
}
