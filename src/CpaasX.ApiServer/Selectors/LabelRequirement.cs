namespace CpaasX.ApiServer.Selectors;

/// <summary>One clause of a label selector: <c>k=v</c>, <c>k!=v</c>, <c>k</c>, <c>!k</c>, <c>k in (a,b)</c>, <c>k notin (a,b)</c>.</summary>
internal sealed record LabelRequirement(string Key, LabelOperator Operator, IReadOnlySet<string> Values)
{
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var present = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            LabelOperator.Exists => present,
            LabelOperator.DoesNotExist => !present,
            LabelOperator.In => present && Values.Contains(value!),
            _ => !present || !Values.Contains(value!),
        };
    }
}
