namespace CpaasX.Operator.Runtime;

/// <summary>The complete result of a LIST: every item and the resourceVersion to watch from.</summary>
public sealed record ListResult<T>(IReadOnlyList<T> Items, string ResourceVersion);
