namespace CpaasX.Operator.Diff;

/// <summary>
/// Objects whose readiness changes: present on both sides with another Ready status or reason, or present on one side
/// only and not Ready there (a new object that is Ready, or the removal of a Ready one, shows in the routing instead).
/// A message that changes under the same reason (a count, a list) is not a change.
/// </summary>
internal static class ReadinessDiff
{
    public static IReadOnlyList<ReadinessChange> Compare(
        IReadOnlyDictionary<string, ObjectReadiness> from, IReadOnlyDictionary<string, ObjectReadiness> to) =>
        [.. from.Keys.Union(to.Keys)
            .Order(StringComparer.Ordinal)
            .Select(key => (Key: key, From: from.GetValueOrDefault(key), To: to.GetValueOrDefault(key)))
            .Where(item => IsChange(item.From, item.To))
            .Select(item => new ReadinessChange(item.Key[..item.Key.IndexOf('/')], item.Key[(item.Key.IndexOf('/') + 1)..], item.From, item.To))];

    private static bool IsChange(ObjectReadiness? from, ObjectReadiness? to) => (from, to) switch
    {
        (null, null) => false,
        (null, { } added) => !IsReady(added),
        ({ } removed, null) => !IsReady(removed),
        ({ } before, { } after) => before.Status != after.Status || before.Reason != after.Reason,
    };

    private static bool IsReady(ObjectReadiness readiness) => readiness.Status == Api.V1Alpha1.ConditionStatuses.True;
}
