namespace CpaasX.Operator.Runtime.Client;

/// <summary>
/// The complete result of a LIST: every item that decoded, the stand-ins of those that did not, and the resourceVersion
/// to watch from.
/// </summary>
public sealed record ListResult<T>(IReadOnlyList<T> Items, string ResourceVersion, IReadOnlyList<UndecodableObject>? Undecodable = null)
{
    public IReadOnlyList<UndecodableObject> Undecodable { get; } = Undecodable ?? [];
}
