namespace CpaasX.Operator.Runtime.Queue;

/// <summary>
/// A key's pending delayed add in a <see cref="WorkQueue{TKey}"/>: when it is due, the timer that adds it, and for an
/// add that waits for quiet (<see cref="WorkQueue{TKey}.AddWhenQuiet"/>) when its run of calls began.
/// </summary>
internal readonly record struct DelayedAdd(DateTimeOffset Due, ITimer Timer, DateTimeOffset? QuietSince);
