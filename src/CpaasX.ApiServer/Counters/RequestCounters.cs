using System.Collections.Concurrent;

namespace CpaasX.ApiServer.Counters;

/// <summary>
/// Requests answered, by Kubernetes verb (get, list, watch, create, update, patch, delete) and resource (a plural, or
/// "plural/status" for the subresource), so tests and benchmarks can assert how many writes a client made.
/// </summary>
public sealed class RequestCounters
{
    private static readonly HashSet<string> WriteVerbs = ["create", "update", "patch", "delete"];

    private readonly ConcurrentDictionary<(string Verb, string Resource), long> _counts = new();

    public long Count(string verb, string resource) => _counts.GetValueOrDefault((verb, resource));

    /// <summary>Creates, updates, patches and deletes of the resource (exactly as named: "widgets" excludes "widgets/status").</summary>
    public long Writes(string resource) => _counts.Where(c => c.Key.Resource == resource && WriteVerbs.Contains(c.Key.Verb)).Sum(c => c.Value);

    /// <summary>Creates, updates, patches and deletes of every resource and subresource together.</summary>
    public long TotalWrites() => _counts.Where(c => WriteVerbs.Contains(c.Key.Verb)).Sum(c => c.Value);

    /// <summary>Every non-zero counter, keyed "verb resource".</summary>
    public IReadOnlyDictionary<string, long> Snapshot() =>
        _counts.ToDictionary(KeyOf, c => c.Value, StringComparer.Ordinal);

    /// <summary>The write counters of <see cref="Snapshot"/> only (creates, updates, patches and deletes), keyed "verb resource".</summary>
    public IReadOnlyDictionary<string, long> WriteSnapshot() =>
        _counts.Where(c => WriteVerbs.Contains(c.Key.Verb))
            .ToDictionary(KeyOf, c => c.Value, StringComparer.Ordinal);

    public void Reset() => _counts.Clear();

    private static string KeyOf(KeyValuePair<(string Verb, string Resource), long> counter) => $"{counter.Key.Verb} {counter.Key.Resource}";

    internal void Increment(string verb, string resource) => _counts.AddOrUpdate((verb, resource), 1, static (_, n) => n + 1);
}
